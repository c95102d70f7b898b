using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// Redirects are followed by the SDK itself (on an <see cref="HttpClient"/> that does not follow them, as the SDK's own
/// will not): only to https or loopback, and never with the key to another origin.
/// </summary>
public sealed class RedirectTests : DownloadTestBase
{
    [Fact]
    public async Task A_redirect_to_the_result_host_is_followed_and_the_key_is_sent_to_neither()
    {
        var done = await SucceededAsync();
        using var redirector = new Redirector(done.Result!.PrimaryUrl!);
        using var client = NoRedirectClient();
        var moved = done with { Result = new GenerationResult { PrimaryUrl = redirector.Address.AbsoluteUri } };

        var file = await client.Generations.DownloadAsync(moved, PathOf("cat.mp4")).WaitAsync(Bound);

        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue();
        redirector.WithAuthorization.Should().Be(0);
        Fake.MediaRequests.Should().ContainSingle().Which.Header("Authorization").Should().BeNull();
    }

    [Fact]
    public async Task A_redirect_to_plain_http_off_loopback_is_not_followed()
    {
        var done = await SucceededAsync();
        using var redirector = new Redirector("http://cdn.example/stolen.mp4");
        using var client = NoRedirectClient();
        var moved = done with { Result = new GenerationResult { PrimaryUrl = redirector.Address.AbsoluteUri } };

        var thrown = await client.Generations.Invoking(g => g.DownloadAsync(moved, PathOf("cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("must be https").And.Contain("http://cdn.example").And.NotContain("stolen");
        FilesLeft().Should().BeEmpty();
    }

    private RivyaClient NoRedirectClient() => new(
        new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan },
        new RivyaClientOptions { ApiKey = Fake.ApiKey, BaseAddress = Fake.BaseAddress, TimeProvider = Clock });
}
