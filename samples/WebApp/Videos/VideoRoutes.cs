using Rivya.Samples.WebApp.Jobs;

namespace Rivya.Samples.WebApp.Videos;

/// <summary><c>POST /videos</c>, <c>GET /videos/{id}</c>, <c>GET /videos/{id}/file</c>.</summary>
internal static class VideoRoutes
{
    // Prompts are at most 5,000 characters and a request holds at most two reference URLs: 64 KiB is plenty.
    private const long MaxBodyBytes = 64 * 1024;
    private const string EnqueueFailed = "enqueue_failed";

    /// <summary>What <c>GET /videos/{id}</c> answers. <c>file</c> is the address of the video once it is downloaded.</summary>
    internal sealed record VideoResponse(string Id, string Status, string? TaskId, VideoError? Error, string? File);

    public static void MapVideoRoutes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/videos", AcceptAsync).WithMetadata(new RequestSizeLimitMetadata(MaxBodyBytes));
        app.MapGet("/videos/{id}", Read);
        app.MapGet("/videos/{id}/file", ServeFile);
    }

    private static async Task<IResult> AcceptAsync(HttpRequest http, VideoStore store, VideoJobs jobs, CancellationToken cancellationToken)
    {
        // Kestrel stops a larger body early (the metadata above); this cap holds on any server.
        var body = await BoundedBody.ReadAsync(http.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The body is over {MaxBodyBytes} bytes.");
        }

        var clientKey = ClientKey.Read(http, out var keyError);
        if (keyError is not null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [ClientKey.Header] = [keyError] });
        }

        var id = clientKey is null ? VideoFiles.NewId() : ClientKey.VideoId(clientKey);
        var (request, errors) = VideoBody.Read(body, clientRequestId: id);
        if (request is null)
        {
            // Every error at once, keyed by the SDK's paths ("prompt", "params.duration"); nothing is enqueued.
            return Results.ValidationProblem(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }

        var fingerprint = ClientKey.BodyFingerprint(body);
        if (clientKey is not null && store.Find(id) is { } existing && existing.Error?.Code != EnqueueFailed)
        {
            // The same request again (its answer was lost): the same video. Another body under the same key: refused.
            return existing.BodyFingerprint == fingerprint
                ? Results.Accepted("/videos/" + id, new { id, status = existing.Status })
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This Idempotency-Key was used for another body.");
        }

        // The key is fixed here, once, and stored with the create job (and in the video's record, for recovery).
        var idempotencyKey = "webapp-" + id;
        store.Accept(id, idempotencyKey, fingerprint);
        try
        {
            jobs.EnqueueCreate(id, body, idempotencyKey);
        }
        catch
        {
            // Nothing was sent to Rivya; say so rather than leave the video "queued" for ever.
            store.Fail(id, new VideoError(EnqueueFailed, "The video could not be queued; nothing was sent to Rivya. Submit it again."));
            throw;
        }

        return Results.Accepted("/videos/" + id, new { id, status = VideoStatus.Queued });
    }

    private static IResult Read(string id, VideoStore store)
    {
        var video = VideoFiles.IsVideoId(id) ? store.Find(id) : null;
        return video is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such video.")
            : Results.Ok(new VideoResponse(
                video.Id, video.Status, video.TaskId, video.Error, video.File is null ? null : $"/videos/{video.Id}/file"));
    }

    private static IResult ServeFile(string id, VideoStore store, VideoFiles files)
    {
        var video = VideoFiles.IsVideoId(id) ? store.Find(id) : null;
        if (video?.Status != VideoStatus.Succeeded || !File.Exists(files.PathOf(id)))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No file for this video (yet).");
        }

        return Results.File(files.PathOf(id), "video/mp4", fileDownloadName: id + ".mp4", enableRangeProcessing: true);
    }

    private sealed class RequestSizeLimitMetadata(long limit) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => limit;
    }
}
