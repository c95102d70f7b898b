using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Files;

/// <summary>
/// <c>POST /api/v1/files</c> (multipart: <c>file</c>, <c>kind</c>, optional <c>model</c> and <c>client_request_id</c>)
/// and <c>GET /api/v1/files/{id}</c>. An upload is checked like Rivya does: the type comes from the file's bytes
/// (<see cref="MediaSignature"/>), never its name, and must fit the kind's limits (<see cref="FileKindRules"/>) and,
/// when a known model is named, the model's reference rules.
/// </summary>
internal sealed class FilesEndpoint
{
    private const int MaxClientRequestIdLength = 128;

    private readonly FileStore _store;
    private readonly TimeProvider _time;
    private readonly Func<string, string> _fileUrl;

    public FilesEndpoint(FileStore store, TimeProvider time, Func<string, string> fileUrl)
    {
        _store = store;
        _time = time;
        _fileUrl = fileUrl;
    }

    public FakeResponse Upload(IncomingRequest request)
    {
        if (!MultipartParser.TryParse(request.Header("Content-Type"), request.Body, out var sections, out var parseError))
        {
            return ErrorResponses.ValidationFailed(parseError);
        }

        var errors = new List<string>();
        var file = sections.FirstOrDefault(s => s.Name == "file");
        var kindText = Field(sections, "kind");
        var modelId = Field(sections, "model");
        var clientRequestId = Field(sections, "client_request_id");

        if (file is null)
        {
            errors.Add("file: is required (a multipart part named 'file' holding the bytes).");
        }

        FileKindRules? kindRules = null;
        if (string.IsNullOrEmpty(kindText))
        {
            errors.Add("kind: is required: image, video or audio.");
        }
        else if ((kindRules = FileKindRules.For(new MediaKind(kindText!))) is null)
        {
            errors.Add($"kind: must be image, video or audio; got '{kindText}'.");
        }

        ModelDefinition? model = null;
        if (!string.IsNullOrEmpty(modelId) && (model = ModelCatalog.Find(modelId)) is null)
        {
            errors.Add($"model: '{modelId}' is not a known model; known models: {string.Join(", ", ModelCatalog.All.Select(m => m.Id))}.");
        }

        if (clientRequestId is { Length: > MaxClientRequestIdLength })
        {
            errors.Add(FormattableString.Invariant($"client_request_id: must be at most {MaxClientRequestIdLength} characters; got {clientRequestId.Length}."));
        }

        string? mimeType = null;
        if (file is not null && kindRules is not null)
        {
            mimeType = CheckContent(file, kindRules, model, errors);
        }

        if (errors.Count > 0 || file is null || kindRules is null || mimeType is null)
        {
            return ErrorResponses.ValidationFailed("Invalid upload: " + string.Join(" ", errors));
        }

        var id = FakeIds.File();
        var kind = kindRules.Kind;
        var stored = new StoredFile(
            id,
            _fileUrl(id),
            kind,
            mimeType,
            SafeName(file.FileName),
            file.Content.ToArray(),
            _time.GetUtcNow(),
            kind == MediaKind.Video || kind == MediaKind.Audio ? FakeIds.DurationToken() : null);
        _store.Add(stored);
        return FakeResponse.Json(201, FileJsonWriter.Write(stored));
    }

    public FakeResponse Get(string id) =>
        _store.Find(id) is { } file
            ? FakeResponse.Json(200, FileJsonWriter.Write(file))
            : ErrorResponses.NotFound($"No file '{id}' for this account.");

    /// <summary>Checks the bytes; returns the detected MIME type, or null (with an error added) when it is not accepted.</summary>
    private static string? CheckContent(MultipartSection file, FileKindRules kindRules, ModelDefinition? model, List<string> errors)
    {
        var content = file.Content.Span;
        if (content.IsEmpty)
        {
            errors.Add("file: is empty.");
            return null;
        }

        var accepted = true;
        if (content.Length > kindRules.MaxSizeBytes)
        {
            errors.Add(string.Format(CultureInfo.InvariantCulture, "file: is {0} bytes; kind {1} accepts at most {2} bytes.", content.Length, kindRules.Kind, kindRules.MaxSizeBytes));
            accepted = false;
        }

        var detected = MediaSignature.Detect(content.Slice(0, Math.Min(content.Length, MediaSignature.HeaderLength)));
        if (detected is null)
        {
            errors.Add($"file: its content is not a recognised {kindRules.Kind} format (the type is read from the bytes, not the name '{file.FileName}' or the part's Content-Type); accepted: {string.Join(", ", kindRules.MimeTypes)}.");
            return null;
        }

        if (!kindRules.IsAllowedMimeType(detected))
        {
            errors.Add($"file: its content is {detected}, which kind {kindRules.Kind} does not accept; accepted: {string.Join(", ", kindRules.MimeTypes)}.");
            accepted = false;
        }

        if (model is not null)
        {
            accepted &= CheckModelRules(model, kindRules.Kind, detected, content.Length, errors);
        }

        return accepted ? detected : null;
    }

    private static bool CheckModelRules(ModelDefinition model, MediaKind kind, string mimeType, long size, List<string> errors)
    {
        var rules = model.References;
        var accepted = true;
        if (!rules.IsAllowed(kind))
        {
            errors.Add($"kind: {model.Id} does not take {kind} references; accepted: {string.Join(", ", rules.AllowedKinds)}.");
            accepted = false;
        }
        else if (!rules.IsAllowedMimeType(mimeType))
        {
            errors.Add($"file: its content is {mimeType}, which {model.Id} does not accept; accepted: {string.Join(", ", rules.AllowedMimeTypes)}.");
            accepted = false;
        }

        if (size > rules.MaxFileSizeBytes)
        {
            errors.Add(FormattableString.Invariant($"file: is {size} bytes; {model.Id} accepts at most {rules.MaxFileSizeBytes} bytes."));
            accepted = false;
        }

        return accepted;
    }

    private static string? Field(List<MultipartSection> sections, string name) =>
        sections.FirstOrDefault(s => s.Name == name)?.Text.Trim();

    // Only a name is kept: a client that sent a path (it should not) does not get it echoed back.
    private static string SafeName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "file";
        }

        var name = fileName!;
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        return slash >= 0 ? name.Substring(slash + 1) : name;
    }
}
