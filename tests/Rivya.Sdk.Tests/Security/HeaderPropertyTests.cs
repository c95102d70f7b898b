using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Files;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// Property-style: every option that ends up in a header or a part header is fed the same seeded set of hostile
/// strings (control characters, non-ASCII, lone surrogates, very long, empty, blank, injection attempts, random
/// mixes). For each, the raw loopback server must see either nothing at all, or exactly one request whose head (and
/// file part head) is well-formed, carrying the value as given.
/// </summary>
public sealed class HeaderPropertyTests : IDisposable
{
    private const int Seed = 9;
    private const string FileJson = """{"id":"file_1","url":"https://cdn.example/a.png","kind":"image","mime_type":"image/png","name":"a.png","size_bytes":4096}""";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly HostileServer _server = new((request, stream, ct) =>
        HostileServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", Encoding.UTF8.GetBytes(request.Target.StartsWith("/api/v1/files", StringComparison.Ordinal) ? FileJson : TestRequests.TaskJson), ct));

    public void Dispose() => _server.Dispose();

    public static IEnumerable<object[]> Options() =>
        new[] { "IdempotencyKey", "Headers value", "Headers name", "ApiKey", "UserAgent", "FileUpload.ContentType", "FileUpload.FileName" }.Select(o => new object[] { o });

    [Theory]
    [MemberData(nameof(Options))]
    public async Task Every_hostile_value_sends_nothing_or_exactly_one_well_formed_request(string option)
    {
        var sent = 0;
        var refused = 0;
        foreach (var value in HostileStrings())
        {
            var before = _server.Requests.Count;
            try
            {
                await SendAsync(option, value).WaitAsync(Bound);
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or RivyaException)
            {
                // Refused before sending, or answered: which of the two is decided by what reached the wire below.
            }

            var requests = _server.Requests.Skip(before).ToList();
            requests.Should().HaveCountLessThanOrEqualTo(1, $"{option} = {Show(value)} must never turn into more than one request");
            if (requests.Count == 0)
            {
                refused++;
                continue;
            }

            sent++;
            var request = requests[0];
            request.Malformed().Should().BeNull($"{option} = {Show(value)} must leave the request head well-formed");
            ShouldCarry(option, value, request);
        }

        // The set holds safe values as well as hostile ones: a rule that refused everything would fail here.
        sent.Should().BeGreaterThan(0);
        refused.Should().BeGreaterThan(0);
    }

    private async Task SendAsync(string option, string value)
    {
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = _server.BaseAddress, MaxRetries = 0 };
        switch (option)
        {
            case "ApiKey":
                options.ApiKey = value;
                break;
            case "UserAgent":
                options.UserAgent = value;
                break;
        }

        using var client = new RivyaClient(options);
        var upload = FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image);
        var skip = new RequestOptions { SkipValidation = true };
        switch (option)
        {
            case "IdempotencyKey":
                await client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = value }).Bound();
                break;
            case "Headers value":
                await client.Generations.GetAsync("task_1", new RequestOptions { Headers = new Dictionary<string, string> { ["X-Custom"] = value } }).Bound();
                break;
            case "Headers name":
                await client.Generations.GetAsync("task_1", new RequestOptions { Headers = new Dictionary<string, string> { [value] = "v" } }).Bound();
                break;
            case "FileUpload.ContentType":
                await client.Files.UploadAsync(upload with { ContentType = value }, skip).Bound();
                break;
            case "FileUpload.FileName":
                await client.Files.UploadAsync(FileUpload.FromBytes(SampleMedia.Png(), value, MediaKind.Image) with { ContentType = "image/png" }, skip).Bound();
                break;
            default:
                await client.Generations.GetAsync("task_1").Bound();
                break;
        }
    }

    private static void ShouldCarry(string option, string value, RawRequest request)
    {
        switch (option)
        {
            case "IdempotencyKey" when value.Length > 0:
                request.Values("Idempotency-Key").Should().ContainSingle().Which.Should().Be(value, "the key on the wire is exactly the key an exception would report");
                break;
            case "Headers value":
                request.Values("X-Custom").Should().Equal(value.Trim());
                break;
            case "Headers name":
                request.Values(value).Should().Equal("v");
                break;
            case "ApiKey":
                request.Values("Authorization").Should().Equal("Bearer " + value.Trim());
                break;
            case "UserAgent":
                request.Values("User-Agent").Should().ContainSingle();
                break;
            case "FileUpload.ContentType" or "FileUpload.FileName":
                var head = FilePartHead(request);
                head.Should().HaveCount(2, "the file part has exactly its Content-Disposition and Content-Type lines");
                head.Should().OnlyContain(line => !line.Any(c => (c < ' ' && c != '\t') || c == '\x7F'), "a part header line holds no CR, LF, NUL or other control character (HTAB is legal)");
                if (option == "FileUpload.ContentType")
                {
                    head[1].Should().Be("Content-Type: " + value);
                }

                break;
        }
    }

    /// <summary>The header lines of the multipart body's file part, bytes read as Latin-1 so UTF-8 names stay visible as bytes.</summary>
    private static List<string> FilePartHead(RawRequest request)
    {
        var boundary = request.Values("Content-Type").Single().Split("boundary=")[1].Trim('"');
        var body = Encoding.Latin1.GetString(request.Body);
        var part = body.Split("--" + boundary).Single(p => p.Contains("name=\"file\"", StringComparison.Ordinal));
        return part[2..part.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n").ToList();
    }

    /// <summary>The same hostile set on every run: fixed cases, then random mixes from a seeded generator.</summary>
    private static IEnumerable<string> HostileStrings()
    {
        var fixedCases = new List<string>
        {
            string.Empty, " ", "\t", "ok-value", "order-123", "a b c", new string('a', 4096), new string('a', 4097), new string('x', 20_000),
            "k\r\nContent-Length: 0\r\n\r\nGET /api/v1/credits HTTP/1.1\r\nHost: x\r\n\r\n", "\r\n", "\n", "\r", "a\0b", "\u001b[2J", "\u0007",
            "caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00", "\ud800", "\u0085", "\u2028", "\u202e", "\u007f", "(paren)", "\"quoted\"", "semi;colon", "a:b",
        };
        for (var c = 0; c < 0x20; c++)
        {
            fixedCases.Add("v" + (char)c + "v");
        }

        var random = new Random(Seed);
        var pool = Enumerable.Range(0x20, 0x5F).Select(i => (char)i).Concat("\r\n\0\t\u001b\u0007\u00e9\u4e2d\u2028\ud800\u007f").ToArray();
        var mixes = Enumerable.Range(0, 40).Select(_ => new string(Enumerable.Range(0, random.Next(0, 48)).Select(_ => pool[random.Next(pool.Length)]).ToArray()));
        return fixedCases.Concat(mixes);
    }

    private static string Show(string value) =>
        "\"" + string.Concat(value.Take(60).Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString())) + (value.Length > 60 ? "…" : string.Empty) + "\"";
}
