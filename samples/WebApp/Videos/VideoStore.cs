using System.Globalization;
using Hangfire;

namespace Rivya.Samples.WebApp.Videos;

/// <summary>
/// What the routes report about each video, kept as one hash per video in Hangfire's own storage (PostgreSQL in a
/// fleet, memory otherwise). Same storage as the jobs, so there is no second database to run and every web process
/// answers for every video; a hash works on every Hangfire storage, where a table of our own would not.
/// </summary>
internal sealed class VideoStore(JobStorage storage, TimeProvider time)
{
    private const string StatusField = "status";
    private const string TaskIdField = "taskId";
    private const string ErrorCodeField = "error.code";
    private const string ErrorMessageField = "error.message";
    private const string FileField = "file";
    private const string KeyField = "idempotencyKey";
    private const string UpdatedField = "updatedAt";
    private const string BodyField = "bodySha256";

    /// <summary>Records a video accepted by <c>POST /videos</c>, before its job is enqueued.</summary>
    public void Accept(string id, string idempotencyKey, string bodyFingerprint) =>
        Write(id, [new(StatusField, VideoStatus.Queued), new(KeyField, idempotencyKey), new(BodyField, bodyFingerprint)]);

    /// <summary>The video, or null when no process ever accepted it.</summary>
    public VideoRecord? Find(string id)
    {
        using var connection = storage.GetConnection();
        var fields = connection.GetAllEntriesFromHash(HashKey(id));
        if (fields is null || !fields.TryGetValue(StatusField, out var status))
        {
            return null;
        }

        var error = fields.TryGetValue(ErrorCodeField, out var code)
            ? new VideoError(code, fields.GetValueOrDefault(ErrorMessageField) ?? string.Empty)
            : null;
        return new VideoRecord(id, status, fields.GetValueOrDefault(TaskIdField), error, fields.GetValueOrDefault(FileField))
        {
            IdempotencyKey = fields.GetValueOrDefault(KeyField),
            BodyFingerprint = fields.GetValueOrDefault(BodyField),
        };
    }

    /// <summary>Moves the video to <paramref name="status"/> unless it is already further (see <see cref="VideoStatus.CanMove"/>).</summary>
    public void Advance(string id, string status, string? taskId = null, string? file = null)
    {
        var current = Find(id)?.Status;
        if (!VideoStatus.CanMove(current, status))
        {
            return;
        }

        List<KeyValuePair<string, string>> fields = [new(StatusField, status)];
        if (taskId is not null)
        {
            fields.Add(new(TaskIdField, taskId));
        }

        if (file is not null)
        {
            fields.Add(new(FileField, file));
        }

        Write(id, fields);
    }

    /// <summary>Marks the video failed with <paramref name="error"/>, unless it already succeeded.</summary>
    public void Fail(string id, VideoError error, string? taskId = null)
    {
        if (Find(id)?.Status == VideoStatus.Succeeded)
        {
            return;
        }

        Write(id, FailureFields(error, taskId));
    }

    /// <summary>The fields of a failure, for a caller that writes them inside a Hangfire transaction of its own.</summary>
    public static List<KeyValuePair<string, string>> FailureFields(VideoError error, string? taskId = null)
    {
        List<KeyValuePair<string, string>> fields =
        [
            new(StatusField, VideoStatus.Failed),
            new(ErrorCodeField, error.Code),
            new(ErrorMessageField, error.Message),
        ];
        if (taskId is not null)
        {
            fields.Add(new(TaskIdField, taskId));
        }

        return fields;
    }

    public static string HashKey(string id) => "rivya-webapp:video:" + id;

    private void Write(string id, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new(UpdatedField, time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        // Through a write transaction, not IStorageConnection.SetRangeInHash: on PostgreSQL the latter runs serializable
        // and fails under concurrent writes of other videos (40001); the transaction writes read-committed.
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(HashKey(id), fields);
        transaction.Commit();
    }
}
