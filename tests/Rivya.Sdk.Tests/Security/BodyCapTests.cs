using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rivya.Sdk.Tests.Files;
using Rivya.Sdk.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// Success bodies that never end, inflate from a small gzip body, or carry a huge field: the read stops at
/// <see cref="RivyaClientOptions.MaxResponseBodySize"/> (counted after decompression) with a typed exception that keeps
/// the status, the call is not retried, and the bytes allocated during the call stay near the cap. Run alone: the
/// process-wide allocation counter would count other tests too.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class BodyCapTests
{
    private const long Cap = 1024 * 1024;
    private const long BombSize = 200L * 1024 * 1024;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly byte[] Filler = CreateFiller();
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private readonly ITestOutputHelper _output;

    public BodyCapTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task An_endless_chunked_body_ends_the_attempt_at_the_cap_with_memory_near_the_cap()
    {
        using var server = new HostileServer(EndlessChunkedAsync);

        var (_, cold) = await CapturedAsync(server); // warm up: JIT, the JSON reader's pooled buffers
        var (thrown, allocated) = await CapturedAsync(server);

        _output.WriteLine($"endless body, cap {Cap:N0} B: {cold:N0} bytes allocated by the first (cold) call, {allocated:N0} by the second");
        thrown.StatusCode.Should().Be(HttpStatusCode.OK);
        thrown.Message.Should().Contain("MaxResponseBodySize").And.Contain("1,048,576");
        thrown.IdempotencyKey.Should().Be("order-7");
        server.Requests.Should().HaveCount(2, "one request per call: a body over the cap is not retried");
        cold.Should().BeLessThan((3 * Cap) + (4 * 1024 * 1024), "even the first call, which fills the pools, stays near the cap");
        allocated.Should().BeLessThan((3 * Cap) + (2 * 1024 * 1024), "memory must stay bounded by the cap, however long the server keeps sending");
    }

    [Fact]
    public async Task A_gzip_bomb_is_counted_after_decompression_by_a_callers_client_that_inflates()
    {
        using var server = new HostileServer(GzipBombAsync);
        using var inflating = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All });

        var (_, cold) = await CapturedAsync(server, inflating);
        var (thrown, allocated) = await CapturedAsync(server, inflating);

        _output.WriteLine($"gzip bomb of {BombSize:N0} B inflated, cap {Cap:N0} B: {cold:N0} bytes allocated by the first (cold) call, {allocated:N0} by the second");
        thrown.StatusCode.Should().Be(HttpStatusCode.OK);
        thrown.Message.Should().Contain("after decompression");
        cold.Should().BeLessThan((3 * Cap) + (4 * 1024 * 1024));
        allocated.Should().BeLessThan((3 * Cap) + (2 * 1024 * 1024));
    }

    [Fact]
    public async Task The_SDKs_own_client_asks_for_no_compression_and_never_inflates_a_body()
    {
        using var server = new HostileServer(GzipBombAsync);

        var (_, cold) = await CapturedAsync(server);
        var (thrown, allocated) = await CapturedAsync(server);

        _output.WriteLine($"gzip bomb not asked for, cap {Cap:N0} B: {cold:N0} bytes allocated by the first (cold) call, {allocated:N0} by the second");
        server.Requests.Should().OnlyContain(r => r.Values("Accept-Encoding").Count == 0, "the SDK's handler does not ask for compression");
        thrown.StatusCode.Should().Be(HttpStatusCode.OK);
        thrown.Message.Should().NotContain("after decompression", "the gzip bytes were read as they are, never inflated");
        allocated.Should().BeLessThan((3 * Cap) + (2 * 1024 * 1024));
    }

    [Fact]
    public async Task A_50_MB_id_is_refused_under_the_default_cap()
    {
        const int size = 50 * 1024 * 1024;
        using var server = new HostileServer(async (_, stream, ct) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {size + 9}\r\n\r\n{{\"id\":\""), ct);
            for (var sent = 0; sent < size; sent += Filler.Length)
            {
                await stream.WriteAsync(Filler.AsMemory(0, Math.Min(Filler.Length, size - sent)), ct);
            }

            await stream.WriteAsync("\"}"u8.ToArray(), ct);
        });
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = server.BaseAddress });

        var act = () => client.Generations.GetAsync("task_1").WaitAsync(Bound);

        var thrown = (await act.Should().ThrowAsync<RivyaApiException>()).Which;
        thrown.StatusCode.Should().Be(HttpStatusCode.OK);
        thrown.Message.Should().Contain("4,194,304");
        server.Requests.Should().ContainSingle("a GET is retryable, but not for a body over the cap");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_body_of_exactly_the_cap_is_read_and_one_byte_more_is_refused(bool chunked)
    {
        var json = "{\"id\":\"task_1\",\"status\":\"queued\",\"model\":\"kling-3-0\",\"pad\":\"" + new string('a', 1000) + "\"}";
        var bytes = Encoding.UTF8.GetBytes(json);
        using var server = new HostileServer(async (_, stream, ct) =>
        {
            if (!chunked)
            {
                await HostileServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", bytes, ct);
                return;
            }

            // Chunked: no declared length, so the count is what stops the read.
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{bytes.Length:X}\r\n"), ct);
            await stream.WriteAsync(bytes, ct);
            await stream.WriteAsync("\r\n0\r\n\r\n"u8.ToArray(), ct);
        });

        using var atCap = new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = server.BaseAddress, MaxResponseBodySize = bytes.Length });
        (await atCap.Generations.GetAsync("task_1").WaitAsync(Bound)).Id.Should().Be("task_1");

        using var underCap = new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = server.BaseAddress, MaxResponseBodySize = bytes.Length - 1 });
        var act = () => underCap.Generations.GetAsync("task_1").WaitAsync(Bound);
        (await act.Should().ThrowAsync<RivyaApiException>()).Which.StatusCode.Should().Be(HttpStatusCode.OK);
        server.Requests.Should().HaveCount(2, "a body over the cap is not retried");
    }

    [Fact]
    public void The_cap_is_bound_from_configuration_and_validated()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rivya:ApiKey"] = TestKeys.ApiKey,
            ["Rivya:MaxResponseBodySize"] = "65536",
        }).Build();
        var services = new ServiceCollection();
        services.AddRivyaClient(configuration.GetSection("Rivya"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<RivyaClientOptions>>().Value.MaxResponseBodySize.Should().Be(65536);
        new RivyaClientOptions().MaxResponseBodySize.Should().Be(4 * 1024 * 1024);
        FluentActions.Invoking(() => new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, MaxResponseBodySize = 0 }))
            .Should().Throw<ArgumentException>().WithMessage("*MaxResponseBodySize*");
    }

    private static async Task GzipBombAsync(RawRequest request, Stream stream, CancellationToken ct)
    {
        // Sent whatever the request asked for: a hostile server does not wait for Accept-Encoding.
        var head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n"u8.ToArray();
        await stream.WriteAsync(head, ct);
        await using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        await gzip.WriteAsync("{\"id\":\""u8.ToArray(), ct);
        for (long sent = 0; sent < BombSize; sent += Filler.Length)
        {
            await gzip.WriteAsync(Filler, ct);
        }

        await gzip.WriteAsync("\"}"u8.ToArray(), ct);
    }

    private async Task<(RivyaApiException Thrown, long Allocated)> CapturedAsync(HostileServer server, HttpClient? httpClient = null)
    {
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = server.BaseAddress, MaxResponseBodySize = Cap };
        using var client = httpClient is null ? new RivyaClient(options) : new RivyaClient(httpClient, options);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        RivyaApiException? thrown = null;
        try
        {
            await client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-7" }).WaitAsync(Bound);
        }
        catch (RivyaApiException exception)
        {
            thrown = exception;
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        thrown.Should().NotBeNull("a body over the cap must fail the call");
        return (thrown!, allocated);
    }

    private static async Task EndlessChunkedAsync(RawRequest request, Stream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n{\"id\":\"\r\n"u8.ToArray(), cancellationToken);
        var chunkHead = Encoding.ASCII.GetBytes(Filler.Length.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "\r\n");
        // Bounded only so a broken client cannot keep the test running for ever: 4 GB is far past any cap.
        for (long sent = 0; sent < 4L * 1024 * 1024 * 1024; sent += Filler.Length)
        {
            await stream.WriteAsync(chunkHead, cancellationToken);
            await stream.WriteAsync(Filler, cancellationToken);
            await stream.WriteAsync(Crlf, cancellationToken);
        }
    }

    private static byte[] CreateFiller()
    {
        var filler = new byte[64 * 1024];
        filler.AsSpan().Fill((byte)'a');
        return filler;
    }
}
