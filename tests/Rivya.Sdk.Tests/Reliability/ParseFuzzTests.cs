using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Sdk.Tests.Reliability;

/// <summary>
/// Seeded fuzz of every parse path (a task from a create and a get, a file, the balance, the catalogue, error bodies):
/// whatever the server sends, each call returns a value or throws a <see cref="RivyaException"/>, never anything else.
/// In memory (a stub handler), so thousands of bodies take a second or two.
/// </summary>
public class ParseFuzzTests(ITestOutputHelper output)
{
    private const int Bodies = 6_000;
    private const int Seed = 10_001;

    private static readonly (string Key, string Value)[] GenerationFields =
    [
        ("id", "\"task_1\""), ("status", "\"succeeded\""), ("model", "\"kling-3-0\""), ("reserved_credits", "90"),
        ("final_credits", "90"), ("created_at", "\"2026-05-10T00:00:00.000Z\""), ("updated_at", "\"2026-05-10T00:01:00.000Z\""),
        ("result", "{\"primary_url\":\"https://media.example/r.mp4\",\"urls\":[\"https://media.example/r.mp4\"]}"),
        ("error", "{\"code\":\"generation_failed\",\"message\":\"no\"}"),
    ];

    private static readonly (string Key, string Value)[] FileFields =
    [
        ("id", "\"file_1\""), ("url", "\"https://media.example/a.png\""), ("kind", "\"image\""), ("mime_type", "\"image/png\""),
        ("name", "\"a.png\""), ("size_bytes", "1234"), ("duration_seconds", "1.5"), ("duration_token", "\"dt\""),
        ("created_at", "\"2026-05-10T00:00:00Z\""),
    ];

    private static readonly (string Key, string Value)[] CreditFields = [("current_credits", "123")];

    private static readonly (string Key, string Value)[] ModelFields =
    [
        ("id", "\"kling-3-0\""), ("display_name", "\"Kling 3.0\""), ("category", "\"video\""), ("base_credits", "90"),
        ("supported_modes", "[\"std\",\"pro\"]"), ("max_prompt_length", "2000"), ("params", "{\"mode\":{}}"),
        ("api_status", "\"available\""), ("requires_files_api", "false"), ("url_input_supported", "true"), ("file_kinds", "[\"image\"]"),
    ];

    private static readonly (string Key, string Value)[] ErrorFields =
    [
        ("error", "{\"code\":\"rate_limited\",\"message\":\"slow down\",\"requestId\":\"req_1\"}"),
    ];

    // Values of the wrong type, out of range, not dates, control characters, huge: each replaces one field.
    private static readonly string[] HostileValues =
    [
        "1e400", "-1e400", "1e30", "-79228162514264337593543950336", "123456789012345678901234567890", "0.0000000000000000000000000001e-400",
        "\"x\"", "\"\"", "true", "false", "null", "[]", "{}", "[1,\"a\",{},null]", "{\"a\":{\"b\":[1,{\"c\":null}]}}",
        "\"2026-13-45T99:99:99Z\"", "\"10/05/2026\"", "\"9999-12-31T23:59:59.9999999-14:00\"", "\"NaN\"", "\"Infinity\"", "\"-1\"",
        "\"\\u0000\\u001f\"", "\"\\ud800\"", "-0", "1.5", "\"1e400\"", "\"" + new string('a', 70_000) + "\"",
    ];

    private enum Path
    {
        Create,
        Get,
        File,
        Credits,
        Models,
        Error,
    }

    [Fact]
    public async Task Every_parse_path_returns_a_value_or_throws_a_RivyaException_whatever_the_body()
    {
        using var handler = new StubHandler();
        using var http = new HttpClient(handler);
        using var client = new RivyaClient(http, new RivyaClientOptions { ApiKey = "rvya_sk_fuzz_0123456789", BaseAddress = new Uri("https://rivya.test/"), MaxRetries = 0 });
        var random = new Random(Seed);
        var values = 0;
        var typed = 0;
        var untyped = new List<string>();
        var perPath = new Dictionary<Path, int>();

        for (var i = 0; i < Bodies; i++)
        {
            var path = (Path)(i % 6);
            perPath[path] = perPath.GetValueOrDefault(path) + 1;
            var (status, body, contentType) = Body(path, random);
            handler.Next(status, body, contentType);
            try
            {
                object value = await Call(client, path).WaitAsync(TimeSpan.FromSeconds(30));
                value.Should().NotBeNull();
                values++;
            }
            catch (RivyaException)
            {
                typed++;
            }
#pragma warning disable CA1031 // Anything else is the failure this test counts.
            catch (Exception e)
#pragma warning restore CA1031
            {
                untyped.Add($"{path} {(int)status}: {e.GetType().Name}: {e.Message} body: {Preview(body)}");
            }
        }

        output.WriteLine($"fuzz seed {Seed}: bodies {Bodies} ({string.Join(", ", perPath.Select(p => $"{p.Key} {p.Value}"))}), values {values}, typed {typed}, untyped {untyped.Count}");
        untyped.Should().BeEmpty();
        values.Should().BeGreaterThan(Bodies / 10, "many mutations leave a usable object");
        typed.Should().BeGreaterThan(Bodies / 10, "many mutations leave nothing usable");
    }

    private static async Task<object> Call(RivyaClient client, Path path) => path switch
    {
        Path.Create => await client.Generations.CreateAsync(new GenerationRequest { Prompt = "fuzz", Params = new Kling30Params() }).Bound(),
        Path.Get => await client.Generations.GetAsync("task_1").Bound(),
        Path.File => await client.Files.GetAsync("file_1").Bound(),
        Path.Credits => await client.Credits.GetBalanceAsync().Bound(),
        Path.Models => await client.Models.ListAsync().Bound(),
        _ => await client.Credits.GetBalanceAsync().Bound(),
    };

    private static (HttpStatusCode Status, byte[] Body, string ContentType) Body(Path path, Random random)
    {
        var fields = path switch
        {
            Path.Create or Path.Get => GenerationFields,
            Path.File => FileFields,
            Path.Credits => CreditFields,
            Path.Models => [("object", "\"list\""), ("data", "[" + Object(ModelFields) + "," + Object(ModelFields) + "]")],
            _ => ErrorFields,
        };
        var status = path == Path.Error
            ? (HttpStatusCode)new[] { 400, 401, 402, 403, 404, 409, 429, 500, 502, 503 }[random.Next(10)]
            : HttpStatusCode.OK;

        var contentType = "application/json";
        byte[] body;
        switch (random.Next(9))
        {
            case 0:
                // Truncated anywhere.
                var whole = Encoding.UTF8.GetBytes(Object(fields));
                body = whole.AsSpan(0, random.Next(whole.Length)).ToArray();
                break;
            case 1:
                // Random bytes flipped, invalid UTF-8 included.
                body = Encoding.UTF8.GetBytes(Object(fields));
                for (var flips = random.Next(1, 6); flips > 0; flips--)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(256);
                }

                break;
            case 2:
            case 3:
                // One or two fields given hostile values, at the top level or inside a nested object.
                body = Encoding.UTF8.GetBytes(Object(Mutate(Mutate(fields, random), random)));
                break;
            case 4:
                // 10,000-deep nesting, in a field or as the whole body.
                var deep = new string('[', 10_000) + new string(']', 10_000);
                body = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? deep : Object(Replace(fields, random.Next(fields.Length), deep)));
                break;
            case 5:
                // Invalid UTF-8 inside a string value.
                var text = Object(Replace(fields, random.Next(fields.Length), "\"\u0001INVALID\u0001\""));
                body = Encoding.UTF8.GetBytes(text);
                var marker = Array.IndexOf(body, (byte)1);
                body[marker] = 0xC3;
                body[marker + 1] = 0x28;
                body[Array.LastIndexOf(body, (byte)1)] = 0xFF;
                break;
            case 6:
                body = Encoding.UTF8.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>");
                contentType = "text/html";
                break;
            case 7:
                body = Encoding.UTF8.GetBytes(new[] { string.Empty, " ", "null", "[]", "\"text\"", "0", "{}", "[" + Object(fields) + "]", "\uFEFF" + Object(fields) }[random.Next(9)]);
                break;
            default:
                // A valid body: the tolerant reader must still read it.
                body = Encoding.UTF8.GetBytes(Object(fields));
                break;
        }

        return (status, body, contentType);
    }

    private static (string Key, string Value)[] Mutate((string Key, string Value)[] fields, Random random)
    {
        var index = random.Next(fields.Length);
        var value = fields[index].Value;
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (value.StartsWith('{') && colon > 0 && random.Next(2) == 0)
        {
            // Inside a nested object (result, error, the catalogue entry): replace its first value.
            var end = value.IndexOfAny([',', '}'], colon);
            var nested = value[..(colon + 1)] + HostileValues[random.Next(HostileValues.Length)] + value[end..];
            return Replace(fields, index, nested);
        }

        return Replace(fields, index, HostileValues[random.Next(HostileValues.Length)]);
    }

    private static (string Key, string Value)[] Replace((string Key, string Value)[] fields, int index, string value)
    {
        var copy = fields.ToArray();
        copy[index] = (copy[index].Key, value);
        return copy;
    }

    private static string Object(IEnumerable<(string Key, string Value)> fields) =>
        "{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));

    /// <summary>Answers every request with the body set last (calls here are sequential).</summary>
    private sealed class StubHandler : HttpMessageHandler
    {
        private HttpStatusCode _status;
        private byte[] _body = [];
        private string _contentType = "application/json";

        public void Next(HttpStatusCode status, byte[] body, string contentType) => (_status, _body, _contentType) = (status, body, contentType);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = new MediaTypeHeaderValue(_contentType);
            return Task.FromResult(new HttpResponseMessage(_status) { Content = content, RequestMessage = request });
        }
    }
}
