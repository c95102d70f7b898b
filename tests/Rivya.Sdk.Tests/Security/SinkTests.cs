using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// The sinks clean what reaches them themselves, whoever builds the message: exception constructors escape control
/// characters, the validation list keeps its own line breaks, and a value the SDK returns has an echoed key masked.
/// </summary>
public sealed class SinkTests
{
    private const string Key = TestKeys.ApiKey;
    private const string Forge = "\r\nINFO forged\u001b[2J\u0007";

    [Fact]
    public void Exception_messages_built_from_server_text_are_escaped_by_the_exception_itself()
    {
        var messages = new[]
        {
            new RivyaOperationCanceledException("task" + Forge, null, CancellationToken.None).Message,
            new RivyaBatchCanceledException("task" + Forge, "key").Message,
            new RivyaDownloadException("The result host answered 403 Forbidden" + Forge, "task" + Forge).Message,
            new RivyaConnectionException("no answer" + Forge).Message,
        };

        messages.Should().OnlyContain(m => !m.Any(char.IsControl) && m.Contains("\\r\\nINFO forged\\u001B[2J\\u0007", StringComparison.Ordinal));
    }

    [Fact]
    public void A_validation_message_keeps_one_line_per_rule_and_escapes_what_each_rule_quotes()
    {
        var exception = new RivyaValidationException([new ValidationError("params.url", "bad url https://x" + Forge), new ValidationError("prompt", "empty")]);

        var lines = exception.Message.Split(Environment.NewLine);

        lines.Should().HaveCount(3);
        lines[1].Should().Be("  - params.url: bad url https://x\\r\\nINFO forged\\u001B[2J\\u0007");
        lines[2].Should().Be("  - prompt: empty");
    }

    [Fact]
    public async Task A_returned_generation_has_an_echoed_key_masked_in_every_encoding()
    {
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("user:" + Key));
        var urlEncoded = string.Concat(Key.Select(c => "%" + ((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        var json = "{\"id\":\"task_1\",\"status\":\"failed\",\"model\":\"kling-3-0\",\"reserved_credits\":90,\"final_credits\":0,"
            + "\"error\":{\"code\":\"Bearer " + Key + "\",\"message\":\"basic " + base64 + " url " + urlEncoded + "\"}}";
        using var server = HostileServer.Json(json);
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });

        var generation = await client.Generations.GetAsync("task_1").Bound();

        generation.Error!.Code.Should().Be("Bearer ***");
        generation.Error.Message.Should().StartWith("basic dXNlcjp").And.EndWith(" url ***").And.Contain("***");
        generation.ToString().Should().NotContain(Key[8..20]).And.NotContain(base64[8..40]).And.NotContain(urlEncoded[24..60]);
    }

    [Fact]
    public async Task A_batch_item_whose_task_failed_with_an_echoed_key_does_not_hold_the_key()
    {
        var json = "{\"id\":\"task_1\",\"status\":\"failed\",\"model\":\"kling-3-0\",\"reserved_credits\":90,\"final_credits\":0,"
            + "\"error\":{\"code\":\"generation_failed\",\"message\":\"Bearer " + Key + "\"}}";
        using var server = HostileServer.Json(json);
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = Key, BaseAddress = server.BaseAddress });

        var items = await CollectAsync(client.Generations.CreateAndWaitManyAsync([TestRequests.Valid()], new BatchOptions { Wait = new WaitOptions { InitialDelay = TimeSpan.Zero } })).Bound();

        var item = items.Should().ContainSingle().Subject;
        item.Error.Should().BeOfType<RivyaGenerationFailedException>();
        new[] { item.ToString(), item.Error!.Message, item.Error.ToString(), item.Generation!.ToString() }.Should().OnlyContain(t => !t.Contains(Key, StringComparison.Ordinal));
        item.Error.Message.Should().Contain("Bearer ***");
    }

    private static async Task<System.Collections.Generic.List<BatchItemResult>> CollectAsync(System.Collections.Generic.IAsyncEnumerable<BatchItemResult> items)
    {
        var list = new System.Collections.Generic.List<BatchItemResult>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
