using System;
using System.Collections.Generic;
using System.Net.Http.Headers;
using static System.FormattableString;

namespace Rivya.Sdk;

/// <summary>
/// Checks an upload against the Files API's documented rules (and its target model's, when the SDK knows the model)
/// before anything is sent, and settles the type to declare. Every violation is listed at once.
/// </summary>
internal static class FileUploadValidator
{
    public const int MaxClientRequestIdLength = 128;
    private const string FallbackContentType = "application/octet-stream";

    /// <summary>The type to declare; <paramref name="maxBytes"/>: the size limit to hold while streaming.</summary>
    /// <exception cref="RivyaValidationException">The upload breaks at least one rule.</exception>
    public static string Check(FileUpload upload, string fileName, ReadOnlyMemory<byte> header, long? length, bool skipValidation, out long maxBytes)
    {
        var kind = upload.Kind;
        var kindRules = FileKindRules.For(kind);
        var model = ModelCatalog.Find(upload.Model);
        var detected = MediaSignature.Detect(header.Span);
        if (skipValidation)
        {
            maxBytes = long.MaxValue;
            return upload.ContentType
                ?? (detected is null ? null : UploadContentTypes.ForKind(detected, kind))
                ?? UploadContentTypes.FromExtension(fileName)
                ?? FallbackContentType;
        }

        maxBytes = SizeLimit(kindRules, model);

        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(fileName))
        {
            errors.Add(new ValidationError("file", "needs a file name, e.g. cat.png (only the name is sent, never a directory)."));
        }

        if (kindRules is null)
        {
            var got = kind.ToString();
            errors.Add(new ValidationError("kind", got.Length == 0
                ? "is required: image, video or audio."
                : $"'{got}' is not a kind the Files API accepts: image, video or audio."));
        }

        if (model is not null && !model.References.IsAllowed(kind))
        {
            errors.Add(new ValidationError("kind", $"{model.Id} accepts {string.Join(", ", model.References.AllowedKinds)} reference files only; got {kind}."));
        }

        if (upload.Model is { } modelId && string.IsNullOrWhiteSpace(modelId))
        {
            errors.Add(new ValidationError("model", "must not be blank: leave Model null to upload without a target model."));
        }

        if (upload.ClientRequestId is { Length: > MaxClientRequestIdLength } clientRequestId)
        {
            errors.Add(new ValidationError("client_request_id", Invariant($"must be at most {MaxClientRequestIdLength} characters; got {clientRequestId.Length}.")));
        }

        var isEmpty = length == 0 || header.IsEmpty;
        if (isEmpty)
        {
            errors.Add(new ValidationError("file.size", "the file is empty."));
        }
        else if (length > maxBytes)
        {
            errors.Add(new ValidationError("file.size", Invariant($"is {length:N0} bytes; {LimitText(kind, model)}.")));
        }

        var contentType = ResolveContentType(upload, fileName, detected, isEmpty, errors);
        if (contentType is not null)
        {
            CheckAllowedType(contentType, kind, kindRules, model, errors);
        }

        if (errors.Count > 0)
        {
            throw new RivyaValidationException(errors);
        }

        return contentType!;
    }

    /// <summary>
    /// The caller's type, else the bytes', else the extension's; a caller's type the bytes contradict is reported. Null
    /// when the type is not settled (an error says why, or the file is empty, which is reported already).
    /// </summary>
    private static string? ResolveContentType(FileUpload upload, string fileName, string? detected, bool isEmpty, List<ValidationError> errors)
    {
        string? declared;
        if (upload.ContentType is { } given)
        {
            if (!MediaTypeHeaderValue.TryParse(given, out _))
            {
                errors.Add(new ValidationError("file.contentType", $"'{given}' is not a MIME type such as image/png."));
                return null;
            }

            declared = given;
        }
        else
        {
            declared = UploadContentTypes.FromExtension(fileName);
        }

        // For messages only: a file that passes formats nothing.
        string DeclaredBy() => upload.ContentType is null ? $"the name '{fileName}'" : "ContentType";

        if (isEmpty)
        {
            return null;
        }

        if (declared is not null && UploadContentTypes.IsVerifiable(declared))
        {
            if (detected is null)
            {
                errors.Add(new ValidationError("file.contentType", $"{DeclaredBy()} says {declared}, but the file's first bytes match no known media signature: it is not {declared} (or any image, video or audio type the Files API accepts)."));
                return null;
            }

            // The bytes say exactly what the file is, and users' files are often misnamed: an extension that the bytes
            // contradict is only a wrong hint (the bytes' type is sent). A ContentType the caller set is a declaration,
            // and one the bytes contradict is refused.
            if (upload.ContentType is not null && !UploadContentTypes.Agree(declared, detected))
            {
                errors.Add(new ValidationError("file.contentType", $"{DeclaredBy()} says {declared}, but the file's bytes are {detected}."));
                return null;
            }
        }

        var resolved = upload.ContentType ?? (detected is null ? declared : UploadContentTypes.ForKind(detected, upload.Kind));
        if (resolved is null)
        {
            errors.Add(new ValidationError("file.contentType", $"cannot be told: '{fileName}' has no known extension and the file's first bytes match no known media signature; set FileUpload.ContentType."));
        }

        return resolved;
    }

    private static void CheckAllowedType(string contentType, MediaKind kind, FileKindRules? kindRules, ModelDefinition? model, List<ValidationError> errors)
    {
        if (kindRules is not null && !kindRules.IsAllowedMimeType(contentType))
        {
            errors.Add(new ValidationError("file.contentType", $"{contentType} is not accepted for {kind} files; accepted: {string.Join(", ", kindRules.MimeTypes)}."));
        }
        else if (model is not null && model.References.IsAllowed(kind) && !model.References.IsAllowedMimeType(contentType))
        {
            errors.Add(new ValidationError("file.contentType", $"{contentType} is not accepted by {model.Id}; accepted: {string.Join(", ", model.References.AllowedMimeTypes)}."));
        }
    }

    /// <summary>The stricter of the kind's and the model's limits, in bytes.</summary>
    private static long SizeLimit(FileKindRules? kindRules, ModelDefinition? model)
    {
        var max = kindRules?.MaxSizeBytes ?? long.MaxValue;
        return model is not null && model.References.MaxFileSizeBytes < max ? model.References.MaxFileSizeBytes : max;
    }

    /// <summary>
    /// Words naming the limit <see cref="SizeLimit"/> chose, for the message of a file that passed it (so an upload that
    /// passes formats nothing).
    /// </summary>
    public static string LimitText(MediaKind kind, ModelDefinition? model)
    {
        var kindMax = FileKindRules.For(kind)?.MaxSizeBytes ?? long.MaxValue;
        return model is not null && model.References.MaxFileSizeBytes < kindMax
            ? $"{model.Id} accepts reference files of at most {Describe(model.References.MaxFileSizeBytes)}"
            : $"{kind} files may be at most {Describe(kindMax)}";
    }

    private static string Describe(long bytes) => Invariant($"{bytes / (1024.0 * 1024.0):0.##} MB ({bytes:N0} bytes)");
}
