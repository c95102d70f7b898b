using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;

namespace Rivya.WebApp.FleetTests.Fleet;

/// <summary>What Hangfire's own records say about who ran which job when (read from the fleet's PostgreSQL).</summary>
internal sealed class HangfireHistory
{
    private readonly IMonitoringApi _monitoring;

    public HangfireHistory(string connectionString)
    {
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        _monitoring = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options).GetMonitoringApi();
    }

    /// <summary>The jobs a process is processing now (Hangfire's server id holds the process id: host:pid:guid).</summary>
    public IReadOnlyList<string> ProcessingOn(int processId) =>
        _monitoring.ProcessingJobs(0, 1000)
            .Where(job => job.Value.ServerId?.Contains($":{processId}:", StringComparison.Ordinal) == true)
            .Select(job => job.Key)
            .ToList();

    /// <summary>The job's step: <c>CreateVideoJob</c>, <c>PollVideoJob</c> or <c>DownloadVideoJob</c>.</summary>
    public string KindOf(string jobId) => _monitoring.JobDetails(jobId)?.Job?.Type.Name ?? "?";

    /// <summary>When job <paramref name="jobId"/> next started processing after <paramref name="after"/>, and on which server.</summary>
    public (DateTime At, string Server)? NextStart(string jobId, DateTime after)
    {
        var history = _monitoring.JobDetails(jobId)?.History ?? [];
        return history
            .Where(state => state.StateName == "Processing" && state.CreatedAt > after)
            .OrderBy(state => state.CreatedAt)
            .Select(state => ((DateTime At, string Server)?)(state.CreatedAt, state.Data.TryGetValue("ServerId", out var server) ? server : "?"))
            .FirstOrDefault();
    }
}
