using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Rivya.Sdk;

/// <summary>
/// One reference file of a generation, sent inside <c>params.referenceMediaItems</c> (camelCase keys, as Rivya
/// documents). Get one from an upload with <see cref="RivyaFile.ToReferenceMediaItem"/>, or point at a public URL.
/// </summary>
public sealed record ReferenceMediaItem
{
    /// <summary>Creates an empty item; set <see cref="Url"/> and <see cref="Kind"/>.</summary>
    public ReferenceMediaItem()
    {
    }

    /// <summary>Creates an item for <paramref name="url"/> of kind <paramref name="kind"/>.</summary>
    [SetsRequiredMembers]
    public ReferenceMediaItem(string url, MediaKind kind)
    {
        Url = url;
        Kind = kind;
    }

    /// <summary>An absolute http(s) URL the server can fetch.</summary>
    [JsonPropertyName("url")]
    public required string Url { get; init; }

    /// <summary>The file's kind; the Kling models accept <see cref="MediaKind.Image"/> only.</summary>
    [JsonPropertyName("kind")]
    public required MediaKind Kind { get; init; }

    /// <summary>A display name, e.g. <c>reference-image.png</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The MIME type, e.g. <c>image/png</c>; checked against the model's accepted types when given.</summary>
    [JsonPropertyName("mimeType")]
    public string? MimeType { get; init; }

    /// <summary>The length of a video or audio reference, in seconds.</summary>
    [JsonPropertyName("durationSeconds")]
    public double? DurationSeconds { get; init; }

    /// <summary>The token the Files API returned for a video or audio file whose duration the server verifies.</summary>
    [JsonPropertyName("durationToken")]
    public string? DurationToken { get; init; }

    /// <summary>An image reference at <paramref name="url"/>.</summary>
    public static ReferenceMediaItem Image(string url, string? mimeType = null) =>
        new(url, MediaKind.Image) { MimeType = mimeType };

    /// <summary>An image reference at <paramref name="url"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="url"/> is null.</exception>
    public static ReferenceMediaItem Image(Uri url, string? mimeType = null) =>
        Image((url ?? throw new ArgumentNullException(nameof(url))).AbsoluteUri, mimeType);
}
