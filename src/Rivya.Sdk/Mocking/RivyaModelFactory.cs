using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>
/// Builds the SDK's result types in one call, for the values a mock returns in your tests. Every argument is optional;
/// what is left out keeps the type's default. The types are records with public <c>init</c> properties, so an object
/// initializer works as well; this factory only saves the nesting.
/// </summary>
/// <example>
/// <code>
/// Generation done = RivyaModelFactory.Generation(status: GenerationStatus.Succeeded, primaryUrl: "https://cdn.example/v.mp4");
/// </code>
/// </example>
public static class RivyaModelFactory
{
    /// <summary>
    /// A generation. With a <paramref name="primaryUrl"/> (or <paramref name="urls"/>) it carries a
    /// <see cref="GenerationResult"/>; with an <paramref name="errorCode"/> or <paramref name="errorMessage"/> a
    /// <see cref="GenerationError"/>.
    /// </summary>
    /// <param name="id">The task id; default <c>gen_test</c>.</param>
    /// <param name="status">Default <see cref="GenerationStatus.Queued"/>.</param>
    /// <param name="model">The model id, e.g. <c>kling-3-0</c>.</param>
    /// <param name="reservedCredits">Credits reserved at creation.</param>
    /// <param name="finalCredits">Credits charged at the end.</param>
    /// <param name="primaryUrl">The result's main URL.</param>
    /// <param name="urls">Every result URL; default the <paramref name="primaryUrl"/> alone.</param>
    /// <param name="errorCode">The failure's code, e.g. <c>generation_failed</c>.</param>
    /// <param name="errorMessage">The failure's message.</param>
    /// <param name="createdAt">When the task was created.</param>
    /// <param name="updatedAt">When it last changed.</param>
    public static Generation Generation(
        string id = "gen_test",
        GenerationStatus? status = null,
        string? model = null,
        decimal reservedCredits = 0,
        decimal finalCredits = 0,
        string? primaryUrl = null,
        IReadOnlyList<string>? urls = null,
        string? errorCode = null,
        string? errorMessage = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) => new()
        {
            Id = id,
            Status = status ?? GenerationStatus.Queued,
            Model = model,
            ReservedCredits = reservedCredits,
            FinalCredits = finalCredits,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Result = primaryUrl is null && urls is null
                ? null
                : new GenerationResult { PrimaryUrl = primaryUrl, Urls = urls ?? (primaryUrl is null ? Array.Empty<string>() : new[] { primaryUrl }) },
            Error = errorCode is null && errorMessage is null ? null : new GenerationError { Code = errorCode, Message = errorMessage },
        };

    /// <summary>An uploaded file, as <c>client.Files.UploadAsync</c> answers it.</summary>
    /// <param name="id">The file id; default <c>file_test</c>.</param>
    /// <param name="url">Where the file is served; pass it on with <see cref="RivyaFile.ToReferenceMediaItem"/>.</param>
    /// <param name="kind">Default <see cref="MediaKind.Image"/>.</param>
    /// <param name="mimeType">E.g. <c>image/png</c>.</param>
    /// <param name="name">The file name.</param>
    /// <param name="sizeBytes">The size in bytes.</param>
    /// <param name="durationSeconds">A video's or audio's length, in seconds.</param>
    /// <param name="durationToken">The server's token for that length.</param>
    /// <param name="createdAt">When it was stored.</param>
    public static RivyaFile RivyaFile(
        string id = "file_test",
        string? url = "https://files.example/file_test",
        MediaKind? kind = null,
        string? mimeType = null,
        string? name = null,
        long? sizeBytes = null,
        double? durationSeconds = null,
        string? durationToken = null,
        DateTimeOffset? createdAt = null) => new()
        {
            Id = id,
            Url = url,
            Kind = kind ?? MediaKind.Image,
            MimeType = mimeType,
            Name = name,
            SizeBytes = sizeBytes,
            DurationSeconds = durationSeconds,
            DurationToken = durationToken,
            CreatedAt = createdAt,
        };

    /// <summary>An account balance.</summary>
    /// <param name="currentCredits">The credits left.</param>
    public static CreditBalance CreditBalance(decimal currentCredits = 0) => new() { CurrentCredits = currentCredits };

    /// <summary>A catalogue entry, as <c>client.Models.ListAsync</c> answers it.</summary>
    /// <param name="id">The model id; default <c>kling-3-0</c>.</param>
    /// <param name="displayName">Its display name.</param>
    /// <param name="category">E.g. <c>video</c>.</param>
    /// <param name="baseCredits">Credits per generation.</param>
    /// <param name="maxPromptLength">The longest prompt, in UTF-16 code units.</param>
    /// <param name="apiStatus">Default <c>available</c> (so <see cref="RivyaModel.IsAvailable"/> is true).</param>
    /// <param name="supportedModes">E.g. <c>text-to-video</c>, <c>image-to-video</c>.</param>
    public static RivyaModel RivyaModel(
        string id = "kling-3-0",
        string? displayName = null,
        string? category = "video",
        decimal? baseCredits = null,
        int? maxPromptLength = null,
        string? apiStatus = "available",
        IReadOnlyList<string>? supportedModes = null) => new()
        {
            Id = id,
            DisplayName = displayName,
            Category = category,
            BaseCredits = baseCredits,
            MaxPromptLength = maxPromptLength,
            ApiStatus = apiStatus,
            SupportedModes = supportedModes ?? Array.Empty<string>(),
        };
}
