using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

/// <summary>
/// The SDK writes an upload's multipart/form-data frame itself (<see cref="UploadForm"/>): these pin it to the bytes
/// <see cref="MultipartFormDataContent"/> sends for the same parts and boundary, so the hand-written frame cannot drift.
/// </summary>
public sealed class UploadFormTests
{
    [Theory]
    [InlineData("cat.png", null, null)]
    [InlineData("cat.png", "kling-3-0", "order-123")]
    [InlineData("котик \"1\".png", null, "трасса-7")]
    public async Task The_body_is_byte_for_byte_what_MultipartFormDataContent_sends(string fileName, string? model, string? clientRequestId)
    {
        var png = SampleMedia.Png(300);
        var upload = FileUpload.FromBytes(png, "dir/" + fileName, MediaKind.Image) with { Model = model, ClientRequestId = clientRequestId };
        var prepared = await PreparedUpload.PrepareAsync(upload, skipValidation: true, default);
        using var content = prepared.CreateContent();
        var contentType = MediaTypeHeaderValue.Parse(content.Headers.GetValues("Content-Type").Single());
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');

        using var reference = new MultipartFormDataContent(boundary) { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        reference.Add(Field("kind", "image"));
        if (model is not null)
        {
            reference.Add(Field("model", model));
        }

        if (clientRequestId is not null)
        {
            reference.Add(Field("client_request_id", clientRequestId));
        }

        var escaped = fileName.Replace("\"", "%22").Replace("\r", "%0D").Replace("\n", "%0A");
        var file = new ByteArrayContent(png);
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{escaped}\"");
        file.Headers.TryAddWithoutValidation("Content-Type", "image/png");
        reference.Add(file);

        var sent = await content.ReadAsByteArrayAsync();
        Encoding.UTF8.GetString(sent).Should().Be(Encoding.UTF8.GetString(await reference.ReadAsByteArrayAsync()));
        sent.Should().Equal(await reference.ReadAsByteArrayAsync());
        content.Headers.GetValues("Content-Type").Single().Should().Be(reference.Headers.ContentType!.ToString());
        content.Headers.ContentLength.Should().Be(sent.Length);
    }

    private static ByteArrayContent Field(string name, string value)
    {
        var field = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
        field.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"");
        return field;
    }
}
