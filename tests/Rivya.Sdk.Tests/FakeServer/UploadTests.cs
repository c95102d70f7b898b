using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

public class UploadTests : FakeServerTestBase
{
    [Fact]
    public async Task A_png_is_accepted_with_the_mime_type_read_from_its_bytes()
    {
        var png = MediaBytes.Png(1000);

        // The part's own Content-Type says nothing useful: the server must sniff the bytes.
        var answer = await UploadAsync(png, "cat.png", "image", partContentType: "application/octet-stream");

        answer.Status.Should().Be(HttpStatusCode.Created, answer.ErrorMessage);
        answer.Json["id"]!.GetValue<string>().Should().StartWith("file_");
        answer.Json["kind"]!.GetValue<string>().Should().Be("image");
        answer.Json["mime_type"]!.GetValue<string>().Should().Be("image/png");
        answer.Json["name"]!.GetValue<string>().Should().Be("cat.png");
        answer.Json["size_bytes"]!.GetValue<long>().Should().Be(1000);
        answer.Json["url"]!.GetValue<string>().Should().StartWith(Fake.BaseAddress.AbsoluteUri);
        answer.Json["created_at"]!.GetValue<string>().Should().EndWith("Z");
        answer.Json.AsObject().ContainsKey("duration_token").Should().BeFalse("images carry no duration");
        Fake.FileCount.Should().Be(1);
    }

    [Fact]
    public async Task A_file_named_png_holding_text_is_rejected()
    {
        var answer = await UploadAsync(MediaBytes.Text(), "cat.png", "image", partContentType: "image/png");

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("validation_failed");
        answer.ErrorMessage.Should().Contain("not a recognised image format");
        Fake.FileCount.Should().Be(0);
    }

    [Fact]
    public async Task A_video_uploaded_as_an_image_is_rejected()
    {
        var answer = await UploadAsync(MediaBytes.Mp4(), "cat.png", "image");

        answer.ErrorCode.Should().Be("validation_failed");
        answer.ErrorMessage.Should().Contain("video/mp4").And.Contain("kind image does not accept");
    }

    [Fact]
    public async Task An_image_over_10_MiB_is_rejected_and_one_at_the_limit_is_accepted()
    {
        var limit = FileKindRules.Image.MaxSizeBytes;

        var over = await UploadAsync(MediaBytes.Png((int)limit + 1), "big.png", "image");
        var atLimit = await UploadAsync(MediaBytes.Png((int)limit), "limit.png", "image");

        over.Status.Should().Be(HttpStatusCode.BadRequest);
        over.ErrorCode.Should().Be("validation_failed");
        over.ErrorMessage.Should().Contain($"is {limit + 1} bytes").And.Contain($"at most {limit} bytes");
        atLimit.Status.Should().Be(HttpStatusCode.Created, atLimit.ErrorMessage);
    }

    [Fact]
    public async Task An_uploaded_file_can_be_read_back_by_id_and_its_url_serves_its_bytes()
    {
        var jpeg = MediaBytes.Jpeg(300);
        var uploaded = await UploadAsync(jpeg, "photo.jpg", "image", model: "kling-3-0", clientRequestId: "req-1");
        var id = uploaded.Json["id"]!.GetValue<string>();

        var read = await GetAsync($"api/v1/files/{id}");

        read.Status.Should().Be(HttpStatusCode.OK);
        read.Json.ToJsonString().Should().Be(uploaded.Json.ToJsonString());
        read.Json["mime_type"]!.GetValue<string>().Should().Be("image/jpeg");

        using var media = await NewClient(apiKey: null).GetAsync(read.Json["url"]!.GetValue<string>());
        media.StatusCode.Should().Be(HttpStatusCode.OK);
        media.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        (await media.Content.ReadAsByteArrayAsync()).SameAs(jpeg).Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_file_answers_404_not_found()
    {
        var answer = await GetAsync("api/v1/files/file_nope");

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.ErrorCode.Should().Be("not_found");
    }

    [Fact]
    public async Task A_video_upload_gets_a_duration_token()
    {
        var answer = await UploadAsync(MediaBytes.Mp4(), "clip.mp4", "video");

        answer.Status.Should().Be(HttpStatusCode.Created, answer.ErrorMessage);
        answer.Json["kind"]!.GetValue<string>().Should().Be("video");
        answer.Json["mime_type"]!.GetValue<string>().Should().Be("video/mp4");
        answer.Json["duration_token"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_target_model_applies_its_reference_rules()
    {
        var answer = await UploadAsync(MediaBytes.Mp4(), "clip.mp4", "video", model: "kling-3-0");

        answer.ErrorCode.Should().Be("validation_failed");
        answer.ErrorMessage.Should().Contain("kling-3-0 does not take video references");
    }

    [Theory]
    [InlineData(null, null, "kind: is required")]
    [InlineData("sticker", null, "kind: must be image, video or audio; got 'sticker'")]
    [InlineData("image", "kling-9-9", "model: 'kling-9-9' is not a known model")]
    public async Task Bad_form_fields_answer_400_validation_failed(string? kind, string? model, string expected)
    {
        var answer = await UploadAsync(MediaBytes.Png(), "cat.png", kind, model: model);

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.ErrorCode.Should().Be("validation_failed");
        answer.ErrorMessage.Should().Contain(expected);
    }

    [Fact]
    public async Task A_client_request_id_over_128_characters_is_rejected()
    {
        var answer = await UploadAsync(MediaBytes.Png(), "cat.png", "image", clientRequestId: new string('x', 129));

        answer.ErrorMessage.Should().Contain("client_request_id: must be at most 128 characters");
    }

    [Fact]
    public async Task A_missing_file_part_or_a_non_multipart_body_is_rejected()
    {
        using var noFile = new MultipartFormDataContent { { new StringContent("image"), "kind" } };
        using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        var missing = await PostAsync(noFile);
        var notMultipart = await PostAsync(json);

        missing.ErrorMessage.Should().Contain("file: is required");
        notMultipart.ErrorCode.Should().Be("validation_failed");
        notMultipart.ErrorMessage.Should().Contain("multipart/form-data");
    }

    [Fact]
    public async Task Only_the_file_name_is_kept_never_a_path()
    {
        var answer = await UploadAsync(MediaBytes.Png(), "/home/me/secret/cat.png", "image");

        answer.Json["name"]!.GetValue<string>().Should().Be("cat.png");
    }

    private async Task<Answer> UploadAsync(byte[] bytes, string fileName, string? kind, string? model = null, string? clientRequestId = null, string partContentType = "image/png")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(partContentType);
        content.Add(file, "file", fileName);
        if (kind is not null)
        {
            content.Add(new StringContent(kind), "kind");
        }

        if (model is not null)
        {
            content.Add(new StringContent(model), "model");
        }

        if (clientRequestId is not null)
        {
            content.Add(new StringContent(clientRequestId), "client_request_id");
        }

        return await PostAsync(content);
    }

    private async Task<Answer> PostAsync(HttpContent content)
    {
        using var response = await Client.PostAsync("api/v1/files", content).Bound();
        return await Answer.ReadAsync(response);
    }
}
