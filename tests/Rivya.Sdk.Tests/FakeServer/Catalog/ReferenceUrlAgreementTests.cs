using System.Linq;
using FluentAssertions;
using Rivya.Sdk.Testing.Generations;
using Rivya.Sdk.Tests.Validation;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer.Catalog;

/// <summary>The SDK and the fake server judge a reference URL by the same rule, so neither accepts what the other refuses.</summary>
public class ReferenceUrlAgreementTests
{
    [Theory]
    [InlineData("https://cdn.example.com/a.png", true)]
    [InlineData("https://cdn.example.com:8443/a.png", true)]
    [InlineData("http://127.0.0.1:65535/a.png", true)]
    [InlineData("http://[::1]:8080/a.png", true)]
    [InlineData("https://user@cdn.example.com/a.png?v=1#top", true)]
    [InlineData("http://host:abc/a.png", false)]
    [InlineData("http://host:99999/a.png", false)]
    [InlineData("http://host:/a.png", false)]
    [InlineData("http://host:8080x", false)]
    [InlineData("http://[::1/a.png", false)]
    [InlineData("http://[]/a.png", false)]
    [InlineData("http://user@/a.png", false)]
    [InlineData("https://:443/a.png", false)]
    public void Sdk_and_fake_agree(string url, bool accepted)
    {
        var request = Wire.Request(ParamsFor.References("kling-3-0", ReferenceMediaItem.Image(url, "image/png")));

        var sdkErrors = request.Validate().Select(e => e.Path);
        var fakeErrors = GenerationBodyValidator.Validate(Wire.Json(request), rejectUnknownParams: true, out _);

        if (accepted)
        {
            sdkErrors.Should().BeEmpty();
            fakeErrors.Should().BeEmpty();
        }
        else
        {
            sdkErrors.Should().Equal("params.referenceMediaItems[0].url");
            fakeErrors.Should().ContainSingle().Which.Should().StartWith("params.referenceMediaItems[0].url:");
        }
    }
}
