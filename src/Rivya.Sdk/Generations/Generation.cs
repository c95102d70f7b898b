using System;
using System.Text.Json.Serialization;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// A generation task as the server last reported it. Read tolerantly: unknown fields are ignored, an unknown
/// <see cref="Status"/> is kept, and missing optional fields stay null or zero.
/// </summary>
public sealed record Generation : ISecretMasked<Generation>
{
    private readonly string _id = string.Empty;

    /// <summary>The task id, used to read or wait for the task later (<c>GetAsync</c>, <c>WaitForCompletionAsync</c>).</summary>
    public string Id
    {
        get => _id;

        // A task read without an id (or built with null) keeps the empty id that UnreadableSuccess refuses.
        init => _id = value ?? string.Empty;
    }

    /// <summary>Where the task is: queued, processing, succeeded, failed, or a value newer than this SDK.</summary>
    public GenerationStatus Status { get; init; }

    /// <summary>The model id the task runs on.</summary>
    public string? Model { get; init; }

    /// <summary>The credits reserved when the task was accepted.</summary>
    public decimal ReservedCredits { get; init; }

    /// <summary>The credits finally charged; may stay 0 until the task is terminal.</summary>
    public decimal FinalCredits { get; init; }

    /// <summary>When the task was accepted (UTC), if the server said.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the task last changed (UTC), if the server said.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The output, once <see cref="Status"/> is succeeded; otherwise null.</summary>
    public GenerationResult? Result { get; init; }

    /// <summary>Why the task failed, when <see cref="Status"/> is failed and the server said; otherwise null.</summary>
    public GenerationError? Error { get; init; }

    /// <summary>
    /// The result's main URL (<see cref="GenerationResult.PrimaryUrl"/>), or null while there is no result. A task that
    /// <c>WaitForCompletionAsync</c> or <c>CreateAndWaitAsync</c> answers has succeeded, so this is normally set.
    /// </summary>
    [JsonIgnore]
    public string? PrimaryUrl => Result?.PrimaryUrl;

    /// <summary>True once the task has succeeded or failed: polling it again will not change it.</summary>
    [JsonIgnore]
    public bool IsTerminal => Status == GenerationStatus.Succeeded || Status == GenerationStatus.Failed;

    /// <summary>This generation with the key masked in every string (an echoed key in <c>error.message</c>, say).</summary>
    Generation ISecretMasked<Generation>.MaskSecret(string secret)
    {
        var id = SecretScrubber.Scrub(Id, secret)!;
        var model = SecretScrubber.Scrub(Model, secret);
        var status = SecretMasking.EnumText(Status.ToString(), secret);
        var code = SecretScrubber.Scrub(Error?.Code, secret);
        var message = SecretScrubber.Scrub(Error?.Message, secret);
        var primary = SecretScrubber.Scrub(Result?.PrimaryUrl, secret);
        var urls = Result is null ? null : SecretMasking.List(Result.Urls, secret);
        var errorChanged = SecretMasking.Changed(Error?.Code, code) || SecretMasking.Changed(Error?.Message, message);
        var resultChanged = SecretMasking.Changed(Result?.PrimaryUrl, primary) || SecretMasking.Changed(Result?.Urls, urls);
        if (!SecretMasking.Changed(Id, id) && !SecretMasking.Changed(Model, model) && status is null && !errorChanged && !resultChanged)
        {
            return this;
        }

        return this with
        {
            Id = id,
            Model = model,
            Status = status is null ? Status : new GenerationStatus(status),
            Error = errorChanged ? Error! with { Code = code, Message = message } : Error,
            Result = resultChanged ? Result! with { PrimaryUrl = primary, Urls = urls! } : Result,
        };
    }

    /// <summary>Every member, as a record prints them, with control characters (a CR, LF or ESC from the server) escaped.</summary>
    public override string ToString() => RecordText.Of(nameof(Generation), PrintMembers);
}
