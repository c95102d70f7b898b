using Hangfire;
using Hangfire.PostgreSql;
using Rivya.Samples.WebApp.Jobs;
using Rivya.Samples.WebApp.Videos;

namespace Rivya.Samples.WebApp.Hosting;

/// <summary>
/// Hangfire's storage and server, and the app's own services. Storage: PostgreSQL when
/// <c>ConnectionStrings:Hangfire</c> is set (a fleet), else in memory (one process; jobs die with it).
/// </summary>
internal static class JobsSetup
{
    public static void AddVideoJobs(this WebApplicationBuilder builder, AppRole role, bool fakeRivya)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.Configure<VideosOptions>(configuration.GetSection("Videos"));
        var videos = configuration.GetSection("Videos").Get<VideosOptions>() ?? new VideosOptions();
        // Against the in-process fake a task ends after two polls: poll fast, as the other samples do.
        var schedule = new PollSchedule(videos.PollInterval ?? (fakeRivya ? TimeSpan.FromMilliseconds(500) : null));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(schedule);
        services.AddSingleton<VideoStore>();
        services.AddSingleton<VideoFiles>();
        services.AddSingleton<VideoJobs>();

        var connectionString = configuration.GetConnectionString("Hangfire");
        var hangfire = configuration.GetSection("Hangfire");
        // Sliding: a worker keeps its job's lease fresh (every fifth of the timeout) while it runs, so a long step is
        // never taken twice, and a dead worker's job is visible again one timeout after its last beat.
        // Hangfire.PostgreSql's default is 30 minutes, not sliding: a killed worker's jobs would wait half an hour.
        var invisibility = hangfire.GetValue("InvisibilityTimeout", TimeSpan.FromMinutes(1));
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                config.UseInMemoryStorage();
                return;
            }

            config.UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = invisibility,
                    // A new job wakes a worker at once (LISTEN/NOTIFY); the interval bounds how soon a dead
                    // worker's job, visible again, is noticed.
                    EnableLongPolling = true,
                    QueuePollInterval = hangfire.GetValue("QueuePollInterval", TimeSpan.FromSeconds(5)),
                    // Locks are held for milliseconds (the scheduler's, a transaction's); one left by a killed process
                    // must not block the fleet for the default 10 minutes.
                    DistributedLockTimeout = invisibility,
                });
        });

        if (role.RunsJobs)
        {
            services.AddHangfireServer(options =>
            {
                options.WorkerCount = hangfire.GetValue("WorkerCount", Math.Min(20, Environment.ProcessorCount * 5));
                // Polls are scheduled jobs: look for due ones at least as often as the shortest poll delay.
                options.SchedulePollingInterval = schedule.Shortest < TimeSpan.FromSeconds(15) ? schedule.Shortest : TimeSpan.FromSeconds(15);
            });
        }
    }
}
