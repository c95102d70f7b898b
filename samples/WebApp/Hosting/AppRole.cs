namespace Rivya.Samples.WebApp.Hosting;

/// <summary>
/// What this process does, from <c>--role</c>: <c>all</c> (default: routes and a Hangfire server), <c>web</c> (routes
/// only; it enqueues and runs no job) or <c>worker</c> (the Hangfire server; it binds <c>--urls</c> too but serves only
/// <c>/health</c>). A fleet is N workers and M web processes on one PostgreSQL and one <c>Videos:Path</c>.
/// </summary>
internal sealed record AppRole(string Name, bool ServesVideos, bool RunsJobs)
{
    public static AppRole From(IConfiguration configuration) => configuration["role"] switch
    {
        null or "" or "all" => new("all", ServesVideos: true, RunsJobs: true),
        "web" => new("web", ServesVideos: true, RunsJobs: false),
        "worker" => new("worker", ServesVideos: false, RunsJobs: true),
        var other => throw new ArgumentException($"--role must be all, web or worker; got '{other}'."),
    };
}
