using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// A record the SDK returns prints through the one control-character escape: a caller who logs <c>generation</c>
/// cannot have a line forged by a task id or an error message with CR/LF/ESC from the server. The values themselves
/// are the server's, unchanged.
/// </summary>
public sealed class RecordToStringTests
{
    private const string Forge = "\r\nINFO forged\u001b[2J\u0007";

    // Records the caller builds (requests, options) and records of numbers only: nothing a server can put there.
    private static readonly Type[] NotServerText =
    [
        typeof(GenerationRequest), typeof(FileUpload), typeof(ReferenceMediaItem), typeof(ModelParams), typeof(RequestOptions),
        typeof(WaitOptions), typeof(BatchOptions), typeof(DownloadProgress), typeof(CreditEstimate), // numbers only
    ];

    [Fact]
    public async Task A_generation_read_from_a_hostile_answer_prints_no_control_character()
    {
        string J(string text) => System.Text.Json.JsonSerializer.Serialize(text);
        var json = $"{{\"id\":{J("task_1" + Forge)},\"status\":\"succeeded\",\"model\":{J("kling-3-0" + Forge)},\"reserved_credits\":90,\"final_credits\":90,"
            + $"\"result\":{{\"primary_url\":{J("https://cdn.example/r.mp4" + Forge)},\"urls\":[]}},"
            + $"\"error\":{{\"code\":{J("E" + Forge)},\"message\":{J("boom" + Forge)}}}}}";
        using var server = HostileServer.Json(json);
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = server.BaseAddress });

        var generation = await client.Generations.GetAsync("task_1").Bound();

        generation.Id.Should().Be("task_1" + Forge, "the value itself is the server's");
        generation.Error!.Message.Should().Be("boom" + Forge);
        var texts = new[] { generation.ToString(), generation.Error.ToString(), generation.Result!.ToString() };
        texts.Should().OnlyContain(t => !t.Any(char.IsControl));
        generation.ToString().Should().StartWith("Generation { Id = task_1\\r\\nINFO forged\\u001B[2J\\u0007, ")
            .And.Contain("Message = boom\\r\\nINFO forged").And.Contain("PrimaryUrl = https://cdn.example/r.mp4\\r\\n");
    }

    [Fact]
    public void Every_record_holding_server_text_prints_through_the_escape()
    {
        var records = typeof(RivyaClient).Assembly.GetExportedTypes()
            .Where(t => t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is not null)
            .Where(t => !NotServerText.Any(n => n.IsAssignableFrom(t)))
            .ToList();

        records.Should().Contain([typeof(Generation), typeof(GenerationError), typeof(GenerationResult), typeof(RivyaFile), typeof(RivyaModel), typeof(BatchItemResult), typeof(CatalogCheck)]);
        records.Where(t => t.GetMethod(nameof(ToString), Type.EmptyTypes)!.GetCustomAttribute<CompilerGeneratedAttribute>() is not null)
            .Should().BeEmpty("the compiler's ToString prints server text raw; use RecordText.Of(nameof(T), PrintMembers)");
    }

    [Fact]
    public void Returned_records_built_with_control_characters_print_them_escaped()
    {
        var texts = new object[]
        {
            new RivyaFile { Url = "https://x/a.png" + Forge, Name = "a" + Forge },
            new RivyaModel { Id = "m" + Forge, DisplayName = "d" + Forge, SupportedModes = ["std" + Forge] },
            new GenerationError { Code = "c" + Forge },
            new ValidationError("prompt", "p" + Forge),
        }.Select(r => r.ToString()!);

        texts.Should().OnlyContain(t => !t.Any(char.IsControl) && t.Contains("\\r\\nINFO forged", StringComparison.Ordinal));
    }
}
