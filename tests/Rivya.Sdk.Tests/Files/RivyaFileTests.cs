using System;
using System.Text.Json;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public sealed class RivyaFileTests
{
    [Fact]
    public void A_file_with_only_the_documented_fields_parses_and_unknown_fields_are_kept()
    {
        const string json = """
            { "url": "https://cdn.rivya.ai/files/f1/clip.mp4", "duration_token": "dt_abc", "checksum": "sha256:00ff", "variants": [1, 2] }
            """;

        var file = JsonSerializer.Deserialize(json, RivyaJsonContext.Default.RivyaFile)!;

        file.Url.Should().Be("https://cdn.rivya.ai/files/f1/clip.mp4");
        file.DurationToken.Should().Be("dt_abc");
        file.Id.Should().BeEmpty("a missing id reads as empty, never null");
        file.Kind.Should().BeNull();
        file.MimeType.Should().BeNull();
        file.SizeBytes.Should().BeNull();
        file.CreatedAt.Should().BeNull();
        file.AdditionalProperties.Should().NotBeNull();
        file.AdditionalProperties!.Keys.Should().BeEquivalentTo("checksum", "variants");
        file.AdditionalProperties["checksum"].GetString().Should().Be("sha256:00ff");
    }

    [Fact]
    public void Odd_but_readable_values_are_accepted()
    {
        const string json = """{ "url": "u", "kind": "hologram", "size_bytes": "1234", "duration_seconds": 5.5 }""";

        var file = JsonSerializer.Deserialize(json, RivyaJsonContext.Default.RivyaFile)!;

        file.Kind.Should().Be(new MediaKind("hologram"));
        file.SizeBytes.Should().Be(1234);
        file.DurationSeconds.Should().Be(5.5);
    }

    [Fact]
    public void ToReferenceMediaItem_carries_url_kind_name_type_and_duration()
    {
        var file = new RivyaFile
        {
            Id = "file_1",
            Url = "https://cdn.rivya.ai/files/file_1/clip.mp4",
            Kind = MediaKind.Video,
            Name = "clip.mp4",
            MimeType = "video/mp4",
            DurationSeconds = 4.2,
            DurationToken = "dt_1",
        };

        var item = file.ToReferenceMediaItem();

        item.Should().Be(new ReferenceMediaItem("https://cdn.rivya.ai/files/file_1/clip.mp4", MediaKind.Video)
        {
            Name = "clip.mp4",
            MimeType = "video/mp4",
            DurationSeconds = 4.2,
            DurationToken = "dt_1",
        });
    }

    [Fact]
    public void ToReferenceMediaItem_of_a_file_without_a_kind_is_an_image()
    {
        var item = new RivyaFile { Url = "https://cdn.rivya.ai/f.png" }.ToReferenceMediaItem();

        item.Kind.Should().Be(MediaKind.Image);
    }

    [Fact]
    public void ToReferenceMediaItem_without_a_url_throws()
    {
        var act = () => new RivyaFile { Id = "file_1" }.ToReferenceMediaItem();

        act.Should().Throw<InvalidOperationException>().WithMessage("*file_1*");
    }

    [Fact]
    public void An_uploaded_image_drops_into_a_kling_request_that_validates()
    {
        var file = JsonSerializer.Deserialize(FilesServer.StoredFileJson, RivyaJsonContext.Default.RivyaFile)!;
        var request = new GenerationRequest
        {
            Prompt = "The cat turns its head",
            Params = new Kling30Params { ReferenceMediaItems = [file.ToReferenceMediaItem()] },
        };

        Rivya.Sdk.Generations.RequestValidator.Validate(request).Should().BeEmpty();
    }
}
