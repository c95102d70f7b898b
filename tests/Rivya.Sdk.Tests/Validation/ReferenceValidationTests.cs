using System.Linq;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>Reference items: within the model's count, images only, an accepted MIME type when given, an absolute http(s) URL.</summary>
public class ReferenceValidationTests
{
    [Theory]
    [InlineData("kling-v2-1-master", 1)]
    [InlineData("kling-2-6", 1)]
    [InlineData("kling-3-0", 2)]
    [InlineData("kling-v2-5-turbo-pro", 2)]
    public void The_models_maximum_number_of_references_passes(string modelId, int max)
    {
        ParamsFor.Errors(ParamsFor.References(modelId, ParamsFor.Images(max))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kling-v2-1-master", 1)]
    [InlineData("kling-2-6", 1)]
    [InlineData("kling-3-0", 2)]
    [InlineData("kling-v2-5-turbo-pro", 2)]
    public void One_reference_over_the_maximum_fails(string modelId, int max)
    {
        var error = ParamsFor.SingleError(ParamsFor.References(modelId, ParamsFor.Images(max + 1)), "params.referenceMediaItems");

        error.Message.Should().Contain($"at most {max} item").And.Contain($"got {max + 1}");
    }

    [Fact]
    public void An_empty_reference_list_passes()
    {
        ParamsFor.Errors(ParamsFor.References("kling-3-0")).Should().BeEmpty();
    }

    [Theory]
    [InlineData("kling-v2-1-master", 1, "video")]
    [InlineData("kling-v2-1-master", 1, "audio")]
    [InlineData("kling-2-6", 1, "video")]
    [InlineData("kling-2-6", 1, "audio")]
    [InlineData("kling-3-0", 2, "video")]
    [InlineData("kling-3-0", 2, "audio")]
    [InlineData("kling-v2-5-turbo-pro", 2, "video")]
    [InlineData("kling-v2-5-turbo-pro", 2, "audio")]
    [InlineData("kling-3-0", 2, "document")]
    public void A_reference_that_is_not_an_image_is_rejected_at_its_index(string modelId, int max, string kind)
    {
        var items = ParamsFor.Images(max);
        var last = max - 1;
        items[last] = new ReferenceMediaItem($"https://cdn.example.com/clip-{last}", kind);

        var error = ParamsFor.SingleError(ParamsFor.References(modelId, items), $"params.referenceMediaItems[{last}].kind");

        error.Message.Should().Contain("must be image").And.Contain($"got '{kind}'");
    }

    [Fact]
    public void A_video_second_reference_on_kling_3_0_is_reported_at_index_1()
    {
        var items = new[] { ParamsFor.Image(0), new ReferenceMediaItem("https://cdn.example.com/clip.mp4", MediaKind.Video) };

        ParamsFor.SingleError(ParamsFor.References("kling-3-0", items), "params.referenceMediaItems[1].kind");
    }

    [Fact]
    public void An_image_kind_in_another_case_passes()
    {
        var item = new ReferenceMediaItem("https://cdn.example.com/a.png", "IMAGE");

        ParamsFor.Errors(ParamsFor.References("kling-3-0", item)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("image/webp")]
    [InlineData("IMAGE/JPEG")]
    [InlineData("Image/WebP")]
    [InlineData("image/png; charset=binary")]
    [InlineData(null)]
    public void An_accepted_or_absent_mime_type_passes(string? mimeType)
    {
        var item = ReferenceMediaItem.Image("https://cdn.example.com/a.png", mimeType);

        ParamsFor.Errors(ParamsFor.References("kling-2-6", item)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("image/gif")]
    [InlineData("image/heic")]
    [InlineData("image/jpg")]
    [InlineData("video/mp4")]
    [InlineData("")]
    public void Another_mime_type_is_rejected_and_the_accepted_ones_named(string mimeType)
    {
        var items = new[] { ParamsFor.Image(0), ReferenceMediaItem.Image("https://cdn.example.com/a.gif", mimeType) };

        var error = ParamsFor.SingleError(ParamsFor.References("kling-3-0", items), "params.referenceMediaItems[1].mimeType");

        error.Message.Should().Contain("image/jpeg, image/png, image/webp").And.Contain($"got '{mimeType}'");
    }

    [Theory]
    [InlineData("https://cdn.example.com/reference-image.png")]
    [InlineData("http://cdn.example.com/reference-image.png")]
    [InlineData("HTTPS://CDN.EXAMPLE.COM/A.PNG")]
    [InlineData("https://cdn.example.com:8443/a.png?sig=abc&exp=1#frag")]
    [InlineData("https://127.0.0.1/a.png")]
    [InlineData("https://cdn.example.com")]
    [InlineData("https://cdn.example.com/%E0%B8%A0%E0%B8%B2%E0%B8%9E.png")]
    public void An_absolute_http_or_https_url_passes(string url)
    {
        ParamsFor.Errors(ParamsFor.References("kling-2-6", ReferenceMediaItem.Image(url))).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/images/reference.png")]
    [InlineData("reference.png")]
    [InlineData("cdn.example.com/reference.png")]
    [InlineData("//cdn.example.com/reference.png")]
    [InlineData("ftp://cdn.example.com/reference.png")]
    [InlineData("file:///home/me/reference.png")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://")]
    [InlineData("https:///reference.png")]
    [InlineData("https://cdn.example.com/my reference.png")]
    [InlineData(" https://cdn.example.com/reference.png")]
    [InlineData("https://cdn.example.com/reference.png\n")]
    [InlineData(null)]
    public void Any_other_url_is_rejected(string? url)
    {
        var item = new ReferenceMediaItem { Url = url!, Kind = MediaKind.Image };

        var error = ParamsFor.SingleError(ParamsFor.References("kling-2-6", item), "params.referenceMediaItems[0].url");

        error.Message.Should().Contain("absolute http or https URL");
    }

    [Fact]
    public void A_null_item_is_reported_at_its_index()
    {
        ParamsFor.SingleError(ParamsFor.References("kling-3-0", ParamsFor.Image(0), null!), "params.referenceMediaItems[1]");
    }

    [Fact]
    public void Each_bad_item_is_reported_even_beyond_the_maximum()
    {
        var items = new[]
        {
            ParamsFor.Image(0),
            new ReferenceMediaItem("ftp://cdn.example.com/b.png", MediaKind.Audio) { MimeType = "audio/mpeg" },
        };

        var errors = ParamsFor.Errors(ParamsFor.References("kling-2-6", items));

        errors.Select(e => e.Path).Should().BeEquivalentTo(
            "params.referenceMediaItems",
            "params.referenceMediaItems[1].kind",
            "params.referenceMediaItems[1].mimeType",
            "params.referenceMediaItems[1].url");
    }
}
