using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Rivya.Sdk.Tests.Waiting;

/// <summary>
/// A WireMock Rivya on loopback whose task answers a scripted sequence of polls, a client on a <see cref="TestClock"/>
/// with jitter pinned to none (and connection failures on demand), and a driver that advances the clock through every poll sleep the waiter schedules.
/// </summary>
internal sealed class WaitHarness : IDisposable
{
    public const string TaskId = "task_public_id";
    public const string TaskPath = "/api/v1/generations/" + TaskId;

    private readonly HttpClient _http;
    private int _steps;
    private Task<TimeSpan>? _nextSleep;

    /// <param name="maxRetries">The client's retries of one poll (0 lets a failure reach the waiter).</param>
    /// <param name="dropPolls">Polls (1 for the first) whose connection fails before reaching the server.</param>
    public WaitHarness(int maxRetries = 2, params int[] dropPolls)
    {
        Server = WireMockServer.Start();
        Start = Clock.GetUtcNow();
        _http = new HttpClient(new DroppingHandler(dropPolls)) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        Client = new RivyaClient(_http, new RivyaClientOptions
        {
            ApiKey = TestKeys.ApiKey,
            BaseAddress = new Uri(Server.Url!),
            TimeProvider = Clock,
            JitterSource = () => 0.5,
            MaxRetries = maxRetries,
        });
    }

    public WireMockServer Server { get; }

    public TestClock Clock { get; } = new();

    public DateTimeOffset Start { get; }

    public RivyaClient Client { get; }

    /// <summary>Fake time passed since the harness was made.</summary>
    public TimeSpan Elapsed => Clock.GetUtcNow() - Start;

    /// <summary>The GETs of the task the server received.</summary>
    public int Polls => Server.LogEntries.Count(e => e.RequestMessage!.Method == "GET" && e.RequestMessage.Path == TaskPath);

    /// <summary>
    /// Poll sleeps are the timers below 100 s: each poll's attempt timeout is 100 s, and the tests that drive a wait
    /// give it a deadline of at least 2 minutes (a shorter deadline would be taken for a sleep).
    /// </summary>
    public static bool IsPollSleep(TimeSpan due) => due < TimeSpan.FromSeconds(100);

    public static string Task(string status, string? errorCode = null, string? errorMessage = null) =>
        "{\"id\":\"" + TaskId + "\",\"status\":\"" + status + "\",\"model\":\"kling-3-0\",\"reserved_credits\":90,"
        + "\"final_credits\":" + (status is "succeeded" or "failed" ? "90" : "0") + ","
        + "\"created_at\":\"2026-05-10T00:00:00.000Z\",\"updated_at\":\"2026-05-10T00:00:30.000Z\","
        + (status == "succeeded" ? "\"result\":{\"primary_url\":\"https://media.example/result.mp4\",\"urls\":[\"https://media.example/result.mp4\"]}," : "\"result\":null,")
        + (errorCode is null ? "\"error\":null" : "\"error\":{\"code\":\"" + errorCode + "\",\"message\":\"" + errorMessage + "\"}")
        + "}";

    /// <summary>The next <paramref name="times"/> polls answer the task in <paramref name="status"/>.</summary>
    public WaitHarness Then(string status, int times = 1) => Then(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(Task(status)), times);

    /// <summary>
    /// The next <paramref name="times"/> polls get <paramref name="response"/>. Steps are WireMock scenario states;
    /// after the last step, polls get WireMock's 404 for an unmatched request, so script enough of them.
    /// </summary>
    public WaitHarness Then(IResponseBuilder response, int times = 1)
    {
        var step = _steps++;
        var mapping = Server.Given(Request.Create().WithPath(TaskPath).UsingGet()).InScenario("task");
        if (step > 0)
        {
            mapping = mapping.WhenStateIs(State(step));
        }

        mapping.WillSetStateTo(State(step + 1), times).RespondWith(response);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="wait"/> to its end, advancing the clock by each poll sleep as soon as the waiter schedules
    /// it. Returns the sleeps in order (the recorded timer due times), whether the wait ends well or not.
    /// </summary>
    public async Task<List<TimeSpan>> DriveAsync(Task wait)
    {
        var sleeps = new List<TimeSpan>();
        while (true)
        {
            // One pending read is kept across drives: a read left behind would swallow the next drive's first timer.
            _nextSleep ??= Clock.NextTimerAsync(IsPollSleep);
            var first = await System.Threading.Tasks.Task.WhenAny(wait, _nextSleep);
            if (first == wait)
            {
                return sleeps;
            }

            var due = await _nextSleep;
            _nextSleep = null;
            sleeps.Add(due);
            Clock.Advance(due);
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
        Server.Stop();
    }

    private sealed class DroppingHandler : DelegatingHandler
    {
        private readonly int[] _drop;
        private int _polls;

        public DroppingHandler(int[] drop)
            : base(new SocketsHttpHandler())
        {
            _drop = drop;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get && _drop.Contains(Interlocked.Increment(ref _polls)))
            {
                throw new HttpRequestException("Connection refused (simulated)", new SocketException((int)SocketError.ConnectionRefused));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    private static string State(int step) => "step" + step.ToString(CultureInfo.InvariantCulture);
}
