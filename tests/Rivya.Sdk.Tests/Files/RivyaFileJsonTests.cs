using System.Text.Json;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public class RivyaFileJsonTests
{
    [Fact]
    public void A_file_reads_through_the_source_generated_context_and_keeps_unknown_fields()
    {
        const string Json = """
            {"id":"file_1","url":"https://cdn.example.com/a.png","kind":"image","mime_type":"image/png","name":"a.png",
             "size_bytes":1234,"duration_token":null,"created_at":"2026-05-11T00:00:00.000Z","checksum":"abc"}
            """;

        var file = JsonSerializer.Deserialize(Json, RivyaJsonContext.Default.RivyaFile)!;

        file.Id.Should().Be("file_1");
        file.Kind.Should().Be(MediaKind.Image);
        file.MimeType.Should().Be("image/png");
        file.SizeBytes.Should().Be(1234);
        file.CreatedAt!.Value.Year.Should().Be(2026);
        file.AdditionalProperties.Should().ContainKey("checksum");
        file.AdditionalProperties!["checksum"].GetString().Should().Be("abc");
    }
}
