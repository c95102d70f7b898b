using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// A poll answered with an absurd <c>Retry-After</c> (more seconds than a timer can take, or a date in year 9999):
/// the wait sleeps until its own deadline and throws <see cref="RivyaWaitTimeoutException"/>, never an
/// <see cref="ArgumentOutOfRangeException"/>. Driven on a fake clock; the only real-time bound fails a hung test.
/// </summary>
public sealed class PollRetryAfterTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);

    [Theory]
    [InlineData("5000000")]
    [InlineData("Fri, 31 Dec 9999 23:59:59 GMT")]
    public async Task A_retry_after_past_the_wait_sleeps_until_the_deadline_then_times_out(string retryAfter)
    {
        using var server = HostileServer.Answering($"HTTP/1.1 503 Service Unavailable\r\nRetry-After: {retryAfter}\r\nContent-Type: application/json", ErrorBodies.Json("public_api_disabled", "busy", "req_1"));
        var clock = new TestClock();
        using var client = Client(server, clock);
        var start = clock.GetUtcNow();

        var wait = client.Generations.WaitForCompletionAsync("task_1", new WaitOptions { Timeout = WaitTimeout });
        var sleeps = await DriveAsync(clock, wait, skip: [WaitTimeout, AttemptTimeout]);

        var thrown = (await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaWaitTimeoutException>()).Which;
        thrown.TaskId.Should().Be("task_1");
        server.Requests.Should().ContainSingle("the one poll's answer asked for a wait longer than the wait itself");
        sleeps.Should().HaveCount(2);
        (clock.GetUtcNow() - start).Should().BeGreaterThanOrEqualTo(WaitTimeout).And.BeLessThan(WaitTimeout + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task With_no_wait_timeout_a_huge_retry_after_is_clipped_to_the_longest_timer()
    {
        var polls = 0;
        using var server = new HostileServer((_, stream, ct) => Interlocked.Increment(ref polls) == 1
            ? HostileServer.WriteAsync(stream, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999\r\nContent-Type: text/plain", "busy"u8.ToArray(), ct)
            : HostileServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", System.Text.Encoding.UTF8.GetBytes(TestRequests.TaskJson.Replace("queued", "succeeded", StringComparison.Ordinal)), ct));
        var clock = new TestClock();
        using var client = Client(server, clock);

        var wait = client.Generations.WaitForCompletionAsync("task_1", new WaitOptions { Timeout = Timeout.InfiniteTimeSpan });
        var sleeps = await DriveAsync(clock, wait, skip: [AttemptTimeout]);

        (await wait).Status.Should().Be(GenerationStatus.Succeeded);
        sleeps.Should().Equal(TimeSpan.FromSeconds(2.5), Rivya.Sdk.Http.Delays.MaxDelay);
    }

    [Fact]
    public async Task A_status_with_control_characters_cannot_forge_the_timeout_message()
    {
        using var server = HostileServer.Json(TestRequests.TaskJson.Replace("queued", "run\\u001b[2J\\r\\nINFO done", StringComparison.Ordinal));
        var clock = new TestClock();
        using var client = Client(server, clock);

        var wait = client.Generations.WaitForCompletionAsync("task_1", new WaitOptions { Timeout = WaitTimeout });
        await DriveAsync(clock, wait, skip: [WaitTimeout, AttemptTimeout]);

        var thrown = (await FluentActions.Awaiting(() => wait).Should().ThrowAsync<RivyaWaitTimeoutException>()).Which;
        thrown.Generation!.Status.ToString().Should().Contain("\r\n", "the model keeps what the server sent");
        thrown.Message.Should().Contain("run\\u001B[2J\\r\\nINFO done").And.NotContain("\r").And.NotContain("\u001b");
    }

    private static RivyaClient Client(HostileServer server, TestClock clock) => new(new RivyaClientOptions
    {
        ApiKey = TestKeys.ApiKey,
        BaseAddress = server.BaseAddress,
        TimeProvider = clock,
        JitterSource = () => 0.5,
        MaxRetries = 0,
    });

    /// <summary>Advances the clock by every timer the wait creates, except the due times in <paramref name="skip"/> (deadlines, attempt timeouts).</summary>
    private static async Task<List<TimeSpan>> DriveAsync(TestClock clock, Task wait, TimeSpan[] skip)
    {
        var sleeps = new List<TimeSpan>();
        var next = clock.NextTimerAsync();
        while (true)
        {
            var first = await Task.WhenAny(wait, next).WaitAsync(Bound);
            if (first == wait)
            {
                return sleeps;
            }

            var due = await next;
            next = clock.NextTimerAsync();
            if (Array.IndexOf(skip, due) < 0)
            {
                sleeps.Add(due);
                clock.Advance(due);
            }
        }
    }
}
