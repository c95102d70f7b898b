using System;

namespace Rivya.Sdk.Testing.Files;

/// <summary>An accepted upload: its metadata (the <c>PublicApiFile</c> shape) and its bytes, served back at <see cref="Url"/>.</summary>
internal sealed record StoredFile(
    string Id,
    string Url,
    MediaKind Kind,
    string MimeType,
    string Name,
    byte[] Content,
    DateTimeOffset CreatedAt,
    string? DurationToken);
