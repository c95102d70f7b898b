using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// Only where a video can be: with the API on https (not loopback), a result URL or a redirect may not lead to plain
/// http, a loopback, private or link-local address (unless opted in), and a redirect to the API's own origin gets the
/// key only on a path the SDK itself calls. Each refusal names the rule and the target's scheme and host, no path.
/// </summary>
public sealed class TargetTests : DownloadTestBase
{
    private static readonly Uri HttpsApi = new("https://api.rivya.test/api/v1/");

    [Fact]
    public async Task A_plain_http_loopback_result_url_is_refused_when_the_api_is_on_https_and_nothing_connects()
    {
        using var local = HostileServer.Answering("HTTP/1.1 200 OK", "internal secrets");
        using var client = HttpsClient(caller: null);

        var thrown = await client.Generations.Invoking(g => g.DownloadAsync(Result(new Uri(local.BaseAddress, "internal?token=x")), PathOf("v.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("must be https").And.Contain(local.BaseAddress.GetLeftPart(UriPartial.Authority))
            .And.NotContain("internal").And.NotContain("token");
        thrown.Which.TaskId.Should().Be("task_1");
        local.Connections.Should().Be(0);
        FilesLeft().Should().BeEmpty();
    }

    [Theory]
    [InlineData("https://10.0.0.5/v.mp4", "https://10.0.0.5")]
    [InlineData("https://192.168.1.20/v.mp4", "https://192.168.1.20")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "https://169.254.169.254")]
    [InlineData("https://[fd00::1]/v.mp4", "https://[fd00::1]")]
    [InlineData("https://[::ffff:127.0.0.1]/v.mp4", "https://[::ffff:127.0.0.1]")]
    [InlineData("https://0.0.0.0/v.mp4", "https://0.0.0.0")]
    [InlineData("https://localhost:8443/v.mp4", "https://localhost:8443")]
    public async Task A_private_loopback_or_link_local_result_url_is_refused_without_the_opt_in(string url, string named)
    {
        using var client = HttpsClient(caller: null);

        var thrown = await client.Generations.Invoking(g => g.DownloadAsync(Result(new Uri(url)), PathOf("v.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("private").And.Contain(named).And.NotContain("v.mp4").And.NotContain("meta-data");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task An_https_cdn_redirecting_to_plain_http_on_loopback_is_not_followed()
    {
        using var admin = HostileServer.Answering("HTTP/1.1 200 OK", "flushed");
        using var cdn = new HostileServer(
            (_, stream, ct) => CdnAnswer.WriteAsync(stream, "302 Found", "Location: " + new Uri(admin.BaseAddress, "admin/flush"), ReadOnlyMemory<byte>.Empty, null, ct),
            TestCertificate.Loopback);
        using var client = HttpsClient(TrustingClient());

        var thrown = await client.Generations.Invoking(g => g.DownloadAsync(Result(new Uri(cdn.BaseAddress, "v.mp4")), PathOf("v.mp4"), new DownloadOptions { AllowPrivateAddresses = true }).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("from https to http").And.Contain(admin.BaseAddress.GetLeftPart(UriPartial.Authority)).And.NotContain("flush");
        cdn.Requests.Should().ContainSingle();
        admin.Connections.Should().Be(0);
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task A_private_https_cdn_is_refused_without_the_opt_in_and_served_with_it()
    {
        var video = RandomBytes(3000, seed: 5);
        using var cdn = new HostileServer((_, stream, ct) => CdnAnswer.WriteAsync(stream, "200 OK", "ETag: \"v\"", video, null, ct), TestCertificate.Loopback);
        using var client = HttpsClient(TrustingClient());
        var result = Result(new Uri(cdn.BaseAddress, "v.mp4"));

        await client.Generations.Invoking(g => g.DownloadAsync(result, PathOf("refused.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>().WithMessage("*AllowPrivateAddresses*");
        cdn.Connections.Should().Be(0);

        var file = await client.Generations.DownloadAsync(result, PathOf("v.mp4"), new DownloadOptions { AllowPrivateAddresses = true }).WaitAsync(Bound);
        System.IO.File.ReadAllBytes(file.FullName).Should().Equal(video);
    }

    [Theory]
    [InlineData("admin/flush", false)]
    [InlineData("api/v1/../../admin/flush", false)]
    [InlineData("api/v1/%2e%2e/admin", false)]
    [InlineData("api/v1/files/f_1/content", true)]
    public async Task A_redirect_to_the_apis_origin_gets_the_key_only_on_a_path_the_sdk_calls(string path, bool keyed)
    {
        using var api = HostileServer.Answering("HTTP/1.1 200 OK", "video bytes");
        using var cdn = new HostileServer((_, stream, ct) =>
            CdnAnswer.WriteAsync(stream, "302 Found", "Location: " + api.BaseAddress.GetLeftPart(UriPartial.Authority) + "/" + path, ReadOnlyMemory<byte>.Empty, null, ct));
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = new Uri(api.BaseAddress, "api/v1/"), TimeProvider = Clock });

        await client.Generations.DownloadAsync(Result(new Uri(cdn.BaseAddress, "v.mp4")), PathOf("v.mp4")).WaitAsync(Bound);

        api.Requests.Should().ContainSingle().Which.Values("Authorization").Should().HaveCount(keyed ? 1 : 0);
        cdn.Requests.Single().Values("Authorization").Should().BeEmpty();
    }

#if NET8_0_OR_GREATER
    [Fact]
    public async Task The_sdk_handler_refuses_a_download_connection_to_a_name_that_resolves_to_loopback()
    {
        // The URL check cannot see where a name resolves: the handler's ConnectCallback judges the address connected.
        using var local = HostileServer.Answering("HTTP/1.1 200 OK", "internal");
        using var invoker = new HttpMessageInvoker(Rivya.Sdk.Http.RivyaHttpHandler.Create(new RivyaClientOptions()));
        var target = new Uri($"https://localhost:{local.BaseAddress.Port}/internal");
        using var marked = new HttpRequestMessage(HttpMethod.Get, target);
        marked.Options.Set(Rivya.Sdk.Http.ConnectGate.PolicyKey, new Rivya.Sdk.Http.TargetPolicy(HttpsApi, allowPrivate: false, "task_1"));

        var thrown = await invoker.Invoking(i => i.SendAsync(marked, CancellationToken.None).WaitAsync(Bound)).Should().ThrowAsync<HttpRequestException>();

        thrown.Which.InnerException.Should().BeOfType<RivyaDownloadException>().Which.Message.Should().Contain("https://localhost:" + local.BaseAddress.Port);
        local.Connections.Should().Be(0, "refused before a socket was opened to it");

        using var unmarked = new HttpRequestMessage(HttpMethod.Get, new Uri(local.BaseAddress, "x"));
        using var answer = await invoker.SendAsync(unmarked, CancellationToken.None).WaitAsync(Bound);
        local.Connections.Should().Be(1, "an API call (not a download) connects as usual");
    }
#endif

    private static Generation Result(Uri url) =>
        RivyaModelFactory.Generation(id: "task_1", status: GenerationStatus.Succeeded, primaryUrl: url.AbsoluteUri);

    private static HttpClient TrustingClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == TestCertificate.Loopback.Thumbprint },
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    private RivyaClient HttpsClient(HttpClient? caller)
    {
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = HttpsApi, TimeProvider = Clock, JitterSource = () => 0.5 };
        return caller is null ? new RivyaClient(options) : new RivyaClient(caller, options);
    }
}
