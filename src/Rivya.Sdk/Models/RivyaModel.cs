using System;
using System.Collections.Generic;
using System.Text.Json;

using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// One entry of the server's model catalogue (<c>GET /api/v1/models</c>). The catalogue is dynamic: it may list
/// models this SDK has no typed record for (use <see cref="RawModelParams"/>). Fields whose shape Rivya does not
/// document are kept as raw JSON.
/// </summary>
public sealed record RivyaModel : ISecretMasked<RivyaModel>
{
    // Source-generated deserialization assigns null to an init-only property missing from the JSON
    // (dotnet/runtime#84484), so each non-nullable default is restored in its init accessor, not only here.
    private readonly string _id = string.Empty;
    private readonly IReadOnlyList<string> _supportedModes = Array.Empty<string>();
    private readonly IReadOnlyList<string> _supportedApiInputs = Array.Empty<string>();
    private readonly IReadOnlyList<string> _requiresUploadForModes = Array.Empty<string>();
    private readonly IReadOnlyList<string> _fileKinds = Array.Empty<string>();

    /// <summary>The public model id, e.g. <c>kling-3-0</c>.</summary>
    public string Id { get => _id; init => _id = value ?? string.Empty; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary><c>image</c>, <c>video</c>, <c>audio</c> or <c>chat</c> (or a newer value).</summary>
    public string? Category { get; init; }

    /// <summary>How the model runs, e.g. <c>async_task</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>The credits one task costs.</summary>
    public decimal? BaseCredits { get; init; }

    /// <summary>The billing scheme, e.g. <c>FIXED</c>.</summary>
    public string? BillingType { get; init; }

    /// <summary>Modes such as <c>text-to-video</c>.</summary>
    public IReadOnlyList<string> SupportedModes { get => _supportedModes; init => _supportedModes = value ?? Array.Empty<string>(); }

    /// <summary>The longest prompt accepted, when the server says.</summary>
    public int? MaxPromptLength { get; init; }

    /// <summary>The reference-media rules, as raw JSON (shape not documented); null when none.</summary>
    public JsonElement? ReferenceMedia { get; init; }

    /// <summary>The parameter descriptions, as raw JSON (shape not documented).</summary>
    public JsonElement? Params { get; init; }

    /// <summary><c>available</c>, <c>coming_soon</c>, <c>studio_only</c> (or a newer value).</summary>
    public string? ApiStatus { get; init; }

    /// <summary><c>available_text</c>, <c>available_url_input</c>, <c>partial_requires_files</c>, <c>requires_files_api</c> (or a newer value).</summary>
    public string? ApiInputStatus { get; init; }

    /// <summary>Input kinds such as <c>text</c> and <c>file</c>.</summary>
    public IReadOnlyList<string> SupportedApiInputs { get => _supportedApiInputs; init => _supportedApiInputs = value ?? Array.Empty<string>(); }

    /// <summary>Whether the model needs files uploaded through the Files API.</summary>
    public bool? RequiresFilesApi { get; init; }

    /// <summary>The modes that need an upload.</summary>
    public IReadOnlyList<string> RequiresUploadForModes { get => _requiresUploadForModes; init => _requiresUploadForModes = value ?? Array.Empty<string>(); }

    /// <summary>Whether reference media may be given as URLs.</summary>
    public bool? UrlInputSupported { get; init; }

    /// <summary>The file kinds the model takes.</summary>
    public IReadOnlyList<string> FileKinds { get => _fileKinds; init => _fileKinds = value ?? Array.Empty<string>(); }

    /// <summary>Chat capabilities, as raw JSON (shape not documented); null for non-chat models.</summary>
    public JsonElement? ChatCapabilities { get; init; }

    /// <summary>Notices, as raw JSON (shape not documented).</summary>
    public JsonElement? Notices { get; init; }

    /// <summary>True when the API can run this model now (<see cref="ApiStatus"/> is <c>available</c>).</summary>
    public bool IsAvailable => string.Equals(ApiStatus, "available", StringComparison.OrdinalIgnoreCase);

    /// <summary>This entry with the key masked in every string and raw JSON value the server sent.</summary>
    RivyaModel ISecretMasked<RivyaModel>.MaskSecret(string secret)
    {
        var changed = false;
        var masked = this with
        {
            Id = SecretScrubber.Scrub(Id, secret)!,
            DisplayName = SecretScrubber.Scrub(DisplayName, secret),
            Category = SecretScrubber.Scrub(Category, secret),
            Runtime = SecretScrubber.Scrub(Runtime, secret),
            BillingType = SecretScrubber.Scrub(BillingType, secret),
            ApiStatus = SecretScrubber.Scrub(ApiStatus, secret),
            ApiInputStatus = SecretScrubber.Scrub(ApiInputStatus, secret),
            SupportedModes = SecretMasking.List(SupportedModes, secret),
            SupportedApiInputs = SecretMasking.List(SupportedApiInputs, secret),
            RequiresUploadForModes = SecretMasking.List(RequiresUploadForModes, secret),
            FileKinds = SecretMasking.List(FileKinds, secret),
            ReferenceMedia = Json(ReferenceMedia),
            Params = Json(Params),
            ChatCapabilities = Json(ChatCapabilities),
            Notices = Json(Notices),
        };
        return changed || masked != this ? masked : this;

        JsonElement? Json(JsonElement? element)
        {
            var value = SecretMasking.Json(element, secret, out var jsonChanged);
            changed |= jsonChanged;
            return value;
        }
    }

    /// <summary>Every member, as a record prints them, with control characters (a CR, LF or ESC from the server) escaped.</summary>
    public override string ToString() => RecordText.Of(nameof(RivyaModel), PrintMembers);
}
