using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Http;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>
/// A <c>Retry-After</c> no timer can hold (<c>5000000</c> s, some 58 days) with <c>MaxRetryAfter</c> set as large as
/// configuration allows: the sleep is the longest a timer takes, never an <see cref="ArgumentOutOfRangeException"/>,
/// on a single call and in a batch. Raw loopback server, fake clock.
/// </summary>
public sealed class HugeRetryAfterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_get_sleeps_the_longest_timer_then_retries()
    {
        var requests = 0;
        using var server = new HostileServer((_, stream, ct) => Interlocked.Increment(ref requests) == 1
            ? HostileServer.WriteAsync(stream, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5000000\r\nContent-Type: text/plain", "busy"u8.ToArray(), ct)
            : HostileServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", System.Text.Encoding.UTF8.GetBytes(TestRequests.TaskJson), ct));
        var clock = new TestClock();
        using var client = Client(server, clock);

        var get = client.Generations.GetAsync("task_1");
        var sleeps = await DriveAsync(clock, get);

        (await get).Id.Should().Be("task_1");
        sleeps.Should().Equal(Delays.MaxDelay);
    }

    [Fact]
    public async Task A_batch_pauses_the_longest_timer_then_its_item_succeeds()
    {
        var creates = 0;
        using var server = new HostileServer((request, stream, ct) => request.Method == "POST" && Interlocked.Increment(ref creates) == 1
            ? HostileServer.WriteAsync(stream, "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 5000000\r\nContent-Type: application/json", System.Text.Encoding.UTF8.GetBytes(ErrorBodies.Json("rate_limited", "slow down", "req_1")), ct)
            : HostileServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", System.Text.Encoding.UTF8.GetBytes(TestRequests.TaskJson.Replace("queued", "succeeded", StringComparison.Ordinal)), ct));
        var clock = new TestClock();
        using var client = Client(server, clock);
        var results = new List<BatchItemResult>();

        var run = Task.Run(async () =>
        {
            await foreach (var item in client.Generations.CreateAndWaitManyAsync([TestRequests.Valid()]))
            {
                results.Add(item);
            }
        });
        var sleeps = await DriveAsync(clock, run);

        await run;
        results.Should().ContainSingle().Which.Succeeded.Should().BeTrue();
        sleeps.Should().Equal(Delays.MaxDelay);
        creates.Should().Be(2);
    }

    private static RivyaClient Client(HostileServer server, TestClock clock) => new(new RivyaClientOptions
    {
        ApiKey = TestKeys.ApiKey,
        BaseAddress = server.BaseAddress,
        TimeProvider = clock,
        JitterSource = () => 0.5,
        MaxRetryAfter = TimeSpan.MaxValue,
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>Advances the clock by every sleep the work arms until it ends; the only real-time bound fails a hung test.</summary>
    private static async Task<List<TimeSpan>> DriveAsync(TestClock clock, Task work)
    {
        var sleeps = new List<TimeSpan>();
        var next = clock.NextSleepAsync();
        while (true)
        {
            if (await Task.WhenAny(work, next).WaitAsync(Bound) == work)
            {
                return sleeps;
            }

            var due = await next;
            next = clock.NextSleepAsync();
            sleeps.Add(due);
            clock.Advance(due);
        }
    }
}
