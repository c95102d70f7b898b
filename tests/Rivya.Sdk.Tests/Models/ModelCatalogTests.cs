using System.Linq;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Models;

public class ModelCatalogTests
{
    [Theory]
    [InlineData("kling-v2-1-master", "Kling V2.1 Master", 160, 5000, 1)]
    [InlineData("kling-2-6", "Kling 2.6", 55, 1000, 1)]
    [InlineData("kling-3-0", "Kling 3.0", 90, 2000, 2)]
    [InlineData("kling-v2-5-turbo-pro", "Kling V2.5 Turbo Pro", 42, 2500, 2)]
    public void Catalog_holds_the_documented_numbers(string id, string name, int credits, int promptLimit, int maxImages)
    {
        var model = ModelCatalog.Find(id);

        model.Should().NotBeNull();
        model!.DisplayName.Should().Be(name);
        model.BaseCredits.Should().Be(credits);
        model.MaxPromptLength.Should().Be(promptLimit);
        model.References.MaxItems.Should().Be(maxImages);
        model.References.AllowedKinds.Should().Equal(MediaKind.Image);
        model.References.AllowedMimeTypes.Should().BeEquivalentTo("image/jpeg", "image/png", "image/webp");
        model.References.MaxFileSizeBytes.Should().Be(10L * 1024 * 1024);
        model.References.SecondImageIsLastFrame.Should().Be(id == "kling-v2-5-turbo-pro");
    }

    [Fact]
    public void Catalog_lists_exactly_the_four_kling_models()
    {
        ModelCatalog.All.Select(m => m.Id).Should().Equal("kling-v2-1-master", "kling-2-6", "kling-3-0", "kling-v2-5-turbo-pro");
        ModelCatalog.Find("kling-9-9").Should().BeNull();
    }
}
