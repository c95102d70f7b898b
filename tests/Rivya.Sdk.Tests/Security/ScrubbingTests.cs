using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// A hostile server (raw loopback bytes) puts the key, or log-forging control characters, wherever its text can reach
/// the caller: the reason phrase, a malformed header line quoted by the HTTP stack, a JSON parse error's path, a failed
/// generation's error, a body excerpt with the key partly <c>\u</c>-escaped, request ids and error codes. Every
/// message, <c>ToString()</c>, log line (Trace) and span tag is scanned.
/// </summary>
public sealed class ScrubbingTests
{
    private const string Key = TestKeys.ApiKey;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_reason_phrase_echoes_the_key()
    {
        using var server = HostileServer.Answering($"HTTP/1.1 500 Bearer {Key}\r\nContent-Type: text/plain", "oops");

        var (thrown, scan) = await RunAsync(server, c => c.Credits.GetBalanceAsync());

        thrown.Should().BeOfType<RivyaServerException>();
        scan.ShouldBeClean();
    }

    [Fact]
    public async Task An_invalid_header_line_quoted_by_the_HTTP_stack_echoes_the_key()
    {
        using var server = HostileServer.Answering($"HTTP/1.1 200 OK\r\nBearer {Key}\r\nContent-Type: application/json", TestRequests.CreditsJson);

        var (thrown, scan) = await RunAsync(server, c => c.Credits.GetBalanceAsync());

        thrown.Should().BeOfType<RivyaConnectionException>();
        thrown.InnerException.Should().BeAssignableTo<System.Net.Http.HttpRequestException>("the retry rules still see the HTTP failure");
        thrown.ToString().Should().Contain("invalid header line", "the failure is still described, only the key is masked");
        scan.ShouldBeClean();
    }

    [Fact]
    public async Task A_success_body_that_fails_to_parse_with_the_key_as_a_property_name()
    {
        using var server = HostileServer.Json("{\"" + Key + "\":{\"x\":tru}}");

        var (thrown, scan) = await RunAsync(server, c => c.Credits.GetBalanceAsync());

        thrown.Should().BeAssignableTo<RivyaException>();
        scan.ShouldBeClean();
    }

    [Fact]
    public async Task A_failed_generation_whose_error_echoes_the_key_and_forges_a_log_line()
    {
        var task = "{\"id\":\"task_1\",\"status\":\"failed\",\"model\":\"kling-3-0\",\"reserved_credits\":90,\"final_credits\":0,"
            + "\"error\":{\"code\":\"bad\\r\\nINFO forged\",\"message\":\"your key " + Key + " and again " + PartlyEscaped(Key) + "\\u001b[2J\\u0007\"}}";
        using var server = HostileServer.Json(task);

        var (thrown, scan) = await RunAsync(server, c => c.Generations.WaitForCompletionAsync("task_1", new WaitOptions { InitialDelay = TimeSpan.Zero }));

        thrown.Should().BeOfType<RivyaGenerationFailedException>();
        thrown.Message.Should().Contain("bad\\r\\nINFO forged", "control characters are shown escaped, not dropped");
        scan.ShouldBeClean();
        ShouldHaveNoControlCharacters(scan);
    }

    [Fact]
    public async Task A_body_excerpt_with_the_key_partly_escaped()
    {
        using var server = HostileServer.Answering("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json", "{\"detail\":\"bad key " + PartlyEscaped(Key) + "\"}");

        var (thrown, scan) = await RunAsync(server, c => c.Credits.GetBalanceAsync());

        thrown.Should().BeAssignableTo<RivyaApiException>();
        thrown.Message.Should().Contain("bad key ***");
        scan.ShouldBeClean();
    }

    [Fact]
    public async Task Request_ids_and_error_codes_with_control_characters_cannot_forge_log_lines_or_tags()
    {
        var body = ErrorBodies.Json("rate_limited\r\nINFO all good", "slow down\u0007", "req_1\r\n\u001b[31mFORGED");
        using var server = HostileServer.Answering("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Request-Id: hdr\u001b[2J\u0007", body);

        var (thrown, scan) = await RunAsync(server, c => c.Credits.GetBalanceAsync());

        var api = thrown.Should().BeAssignableTo<RivyaApiException>().Which;
        api.ErrorCode.Should().Be("rate_limited\\r\\nINFO all good");
        api.RequestId.Should().Be("req_1\\r\\n\\u001B[31mFORGED");
        ShouldHaveNoControlCharacters(scan);
    }

    [Fact]
    public async Task A_request_id_header_with_control_characters_on_a_success_is_escaped_in_the_log()
    {
        using var server = HostileServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: ok\u001b[2J\u0007", TestRequests.CreditsJson);
        using var logs = new CapturingLoggerProvider();
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress, LoggerFactory = logs });

        await client.Credits.GetBalanceAsync().WaitAsync(Bound);

        logs.WithEventId(1).Should().ContainSingle().Which.Message.Should().Contain("ok\\u001B[2J\\u0007");
        ShouldHaveNoControlCharacters(new LeakScan(Key).AddLogs(logs));
    }

    /// <summary>The key with every other character of its secret part written as a JSON <c>\u</c> escape.</summary>
    private static string PartlyEscaped(string key) =>
        string.Concat(key.Select((c, i) => i > 8 && i % 2 == 0 ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));

    // ToString() is left out: its stack trace has line breaks of its own; its first line is the message, checked here.
    private static void ShouldHaveNoControlCharacters(LeakScan scan) =>
        scan.Texts.Where(t => !t.Where.EndsWith(".ToString()", StringComparison.Ordinal) && t.Text.Any(char.IsControl))
            .Select(t => t.Where + ": " + t.Text)
            .Should().BeEmpty("no server-sent control character may reach a message, a log line or a span tag raw");

    private static async Task<(Exception Thrown, LeakScan Scan)> RunAsync(HostileServer server, Func<RivyaClient, Task> call)
    {
        using var logs = new CapturingLoggerProvider();
        using var recorder = new ActivityRecorder();
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress, LoggerFactory = logs, MaxRetries = 0 });

        var thrown = await FluentActions.Awaiting(() => call(client).WaitAsync(Bound)).Should().ThrowAsync<Exception>();
        var scan = new LeakScan(Key).AddException(thrown.Which).AddLogs(logs).AddActivities(recorder.Stopped);
        return (thrown.Which, scan);
    }
}
