using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Waiting;

/// <summary>The overall timeout and the caller's token cut a poll that is in flight, not only a sleep.</summary>
public sealed class WaitCancellationTests : IDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(15);
    private readonly TestClock _clock = new();
    private readonly HangingHandler _handler = new();
    private readonly HttpClient _http;
    private readonly RivyaClient _client;

    public WaitCancellationTests()
    {
        _http = new HttpClient(_handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new RivyaClient(_http, new RivyaClientOptions
        {
            ApiKey = TestKeys.ApiKey,
            BaseAddress = new Uri("http://127.0.0.1:9/"),
            TimeProvider = _clock,
            JitterSource = () => 0.5,
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    [Fact]
    public async Task The_wait_timeout_cuts_a_poll_in_flight()
    {
        var wait = _client.Generations.WaitForCompletionAsync("task_1", new WaitOptions { Timeout = TimeSpan.FromSeconds(10) });
        _clock.Advance(await _clock.NextTimerAsync(d => d == TimeSpan.FromSeconds(2.5)));
        await _handler.Started.Task.WaitAsync(Safety);

        _clock.Advance(TimeSpan.FromSeconds(7.5));

        var thrown = await FluentActions.Awaiting(() => wait.WaitAsync(Safety)).Should().ThrowAsync<RivyaWaitTimeoutException>();
        thrown.Which.TaskId.Should().Be("task_1");
        thrown.Which.Generation.Should().BeNull("no poll answered");
        _handler.SawCancellation.Should().BeTrue("the request in flight was cancelled, not left to its 100 s attempt timeout");
        _handler.Calls.Should().Be(1, "a cut poll is not retried");
    }

    [Fact]
    public async Task The_callers_token_cuts_a_poll_in_flight()
    {
        using var cts = new CancellationTokenSource();
        var wait = _client.Generations.WaitForCompletionAsync("task_1", cancellationToken: cts.Token);
        _clock.Advance(await _clock.NextTimerAsync(d => d == TimeSpan.FromSeconds(2.5)));
        await _handler.Started.Task.WaitAsync(Safety);

        cts.Cancel();

        var thrown = await FluentActions.Awaiting(() => wait.WaitAsync(Safety)).Should().ThrowAsync<OperationCanceledException>();
        thrown.Which.CancellationToken.Should().Be(cts.Token);
        _handler.SawCancellation.Should().BeTrue();
        _handler.Calls.Should().Be(1);
    }

    /// <summary>Accepts a request and never answers it; notes when the request is cancelled.</summary>
    private sealed class HangingHandler : HttpMessageHandler
    {
        private int _calls;

        public TaskCompletionSource<bool> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool SawCancellation { get; private set; }

        public int Calls => Volatile.Read(ref _calls);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            Started.TrySetResult(true);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }

            throw new InvalidOperationException("unreachable");
        }
    }
}
