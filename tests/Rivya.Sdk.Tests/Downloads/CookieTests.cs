using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// No cookies cross origins: the API (one port) and the result host (another port of the same host) each set one; with
/// the SDK's own handler and with the one <c>AddRivyaClient</c> configures, neither is ever sent.
/// </summary>
public sealed class CookieTests : DownloadTestBase
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_cookie_set_by_the_api_or_the_result_host_is_ever_sent(bool fromDependencyInjection)
    {
        var video = RandomBytes(2000, seed: 3);
        using var cdn = new HostileServer((_, stream, ct) =>
            CdnAnswer.WriteAsync(stream, "200 OK", "ETag: \"v\"\r\nSet-Cookie: cdn_session=c1; Path=/", video, null, ct));
        var task = """{"id":"task_1","status":"succeeded","model":"kling-3-0","result":{"primary_url":"URL"}}""".Replace("URL", new Uri(cdn.BaseAddress, "v.mp4").AbsoluteUri, StringComparison.Ordinal);
        using var api = HostileServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nSet-Cookie: api_session=s1; Path=/", task);
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = new Uri(api.BaseAddress, "api/v1/"), TimeProvider = Clock };
        await using var services = new ServiceCollection()
            .AddRivyaClient(o => { o.ApiKey = options.ApiKey; o.BaseAddress = options.BaseAddress; o.TimeProvider = Clock; }).Services
            .BuildServiceProvider();
        using var own = new RivyaClient(options);
        var client = fromDependencyInjection ? services.GetRequiredService<RivyaClient>() : own;

        await client.Generations.DownloadAsync("task_1", PathOf("v.mp4")).WaitAsync(Bound);
        await client.Generations.GetAsync("task_1").WaitAsync(Bound);

        File.ReadAllBytes(PathOf("v.mp4")).Should().Equal(video);
        api.Requests.Should().HaveCount(2);
        cdn.Requests.Should().ContainSingle();
        api.Requests.Concat(cdn.Requests).Should().OnlyContain(r => r.Values("Cookie").Count == 0);
    }
}
