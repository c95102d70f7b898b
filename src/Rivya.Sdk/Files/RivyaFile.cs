using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// An uploaded file (<c>PublicApiFile</c>). Rivya documents only <see cref="Url"/> and <see cref="DurationToken"/>;
/// every other field is optional, and fields newer than this SDK are kept in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed record RivyaFile : ISecretMasked<RivyaFile>
{
    private readonly string _id = string.Empty;

    /// <summary>The file id, for <c>client.Files.GetAsync</c>; empty when the server sent none.</summary>
    public string Id
    {
        get => _id;

        // Source-generated deserialization assigns null to an init-only property missing from the JSON
        // (dotnet/runtime#84484), so the default is restored here, not only in an initializer.
        init => _id = value ?? string.Empty;
    }

    /// <summary>The URL a generation can reference.</summary>
    public string? Url { get; init; }

    /// <summary>The file's kind.</summary>
    public MediaKind? Kind { get; init; }

    /// <summary>The MIME type the server detected.</summary>
    public string? MimeType { get; init; }

    /// <summary>The file's name (never a local path: the SDK sends only the name).</summary>
    public string? Name { get; init; }

    /// <summary>The size in bytes.</summary>
    public long? SizeBytes { get; init; }

    /// <summary>The length of a video or audio file, in seconds.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>The token that proves a video or audio file's duration to a generation.</summary>
    public string? DurationToken { get; init; }

    /// <summary>When the file was uploaded (UTC).</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Fields the server sent that this SDK does not model; null when there were none.</summary>
    /// <remarks>
    /// Not <c>init</c>: System.Text.Json fills init-only members through the constructor path, where extension data
    /// cannot bind (it threw <see cref="InvalidOperationException"/> on first use).
    /// </remarks>
    [JsonExtensionData]
    [JsonInclude]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; internal set; }

    /// <summary>
    /// An item for <see cref="ModelParams.ReferenceMediaItems"/> that points at this file, with its kind, name, MIME
    /// type and duration token.
    /// </summary>
    /// <exception cref="InvalidOperationException">The server sent no <see cref="Url"/> for this file.</exception>
    public ReferenceMediaItem ToReferenceMediaItem()
    {
        if (string.IsNullOrEmpty(Url))
        {
            throw new InvalidOperationException($"File '{Id}' has no url, so it cannot be referenced.");
        }

        return new ReferenceMediaItem(Url!, Kind ?? MediaKind.Image)
        {
            Name = Name,
            MimeType = MimeType,
            DurationSeconds = DurationSeconds,
            DurationToken = DurationToken,
        };
    }

    /// <summary>This file with the key masked in every string the server sent.</summary>
    RivyaFile ISecretMasked<RivyaFile>.MaskSecret(string secret)
    {
        var masked = this with
        {
            Id = SecretScrubber.Scrub(Id, secret)!,
            Url = SecretScrubber.Scrub(Url, secret),
            MimeType = SecretScrubber.Scrub(MimeType, secret),
            Name = SecretScrubber.Scrub(Name, secret),
            DurationToken = SecretScrubber.Scrub(DurationToken, secret),
        };
        return masked == this ? this : masked;
    }

    /// <summary>Every member, as a record prints them, with control characters (a CR, LF or ESC from the server) escaped.</summary>
    public override string ToString() => RecordText.Of(nameof(RivyaFile), PrintMembers);
}
