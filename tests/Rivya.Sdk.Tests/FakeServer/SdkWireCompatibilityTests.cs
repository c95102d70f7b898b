using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>The fake's answers read back through the SDK's own JSON context: the two agree on the wire shape.</summary>
public class SdkWireCompatibilityTests : FakeServerTestBase
{
    [Fact]
    public async Task Tasks_read_as_Generation_through_the_whole_lifecycle()
    {
        var id = await CreateTaskAsync();

        var processing = Read(await Client.GetStringAsync($"api/v1/generations/{id}"), RivyaJsonContext.Default.Generation);
        var done = Read(await Client.GetStringAsync($"api/v1/generations/{id}"), RivyaJsonContext.Default.Generation);

        processing.Status.Should().Be(GenerationStatus.Processing);
        processing.IsTerminal.Should().BeFalse();
        done.Id.Should().Be(id);
        done.Status.Should().Be(GenerationStatus.Succeeded);
        done.IsTerminal.Should().BeTrue();
        done.Model.Should().Be("kling-3-0");
        done.ReservedCredits.Should().Be(90);
        done.FinalCredits.Should().Be(90);
        done.CreatedAt.Should().NotBeNull();
        done.UpdatedAt.Should().BeOnOrAfter(done.CreatedAt!.Value);
        done.Result!.PrimaryUrl.Should().Be(done.Result.Urls.Single());
        done.Error.Should().BeNull();
    }

    [Fact]
    public async Task A_failed_task_reads_with_its_error()
    {
        Fake.FailNextGeneration("generation_failed", "boom");
        var id = await CreateTaskAsync();
        await Client.GetStringAsync($"api/v1/generations/{id}").Bound();

        var failed = Read(await Client.GetStringAsync($"api/v1/generations/{id}"), RivyaJsonContext.Default.Generation);

        failed.Status.Should().Be(GenerationStatus.Failed);
        failed.Error!.Code.Should().Be("generation_failed");
        failed.Error.Message.Should().Be("boom");
    }

    [Fact]
    public async Task An_upload_reads_as_RivyaFile_and_becomes_a_reference_the_fake_accepts()
    {
        using var content = new MultipartFormDataContent();
        var bytes = new ByteArrayContent(MediaBytes.Png());
        bytes.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(bytes, "file", "ref.png");
        content.Add(new StringContent("image"), "kind");
        using var response = await Client.PostAsync("api/v1/files", content).Bound();

        var file = Read(await response.Content.ReadAsStringAsync(), RivyaJsonContext.Default.RivyaFile);
        var item = file.ToReferenceMediaItem();
        var body = """{"model":"kling-3-0","prompt":"p","params":{"referenceMediaItems":["""
            + JsonSerializer.Serialize(item, RivyaJsonContext.Default.ReferenceMediaItem) + "]}}";
        var created = await PostGenerationAsync(body);

        file.Id.Should().StartWith("file_");
        file.Kind.Should().Be(MediaKind.Image);
        file.MimeType.Should().Be("image/png");
        file.SizeBytes.Should().Be(64);
        file.CreatedAt.Should().NotBeNull();
        item.Url.Should().Be(file.Url);
        created.Status.Should().Be(System.Net.HttpStatusCode.Created, created.ErrorMessage);
    }

    [Fact]
    public async Task Credits_models_and_errors_read_through_the_sdk_types()
    {
        Fake.SetBalance(321);

        var balance = Read(await Client.GetStringAsync("api/v1/credits"), RivyaJsonContext.Default.CreditBalance);
        var models = Read(await Client.GetStringAsync("api/v1/models"), RivyaJsonContext.Default.ModelList);
        using var missing = await Client.GetAsync("api/v1/generations/task_missing").Bound();
        var error = Read(await missing.Content.ReadAsStringAsync(), RivyaJsonContext.Default.ErrorEnvelope);

        balance.CurrentCredits.Should().Be(321);
        models.Object.Should().Be("list");
        models.Data.Select(m => m.Id).Should().Equal(ModelCatalog.All.Select(m => m.Id));
        models.Data.Should().OnlyContain(m => m.IsAvailable && m.BaseCredits > 0 && m.MaxPromptLength > 0 && m.Params != null);
        error.Error!.Code.Should().Be("not_found");
        error.Error.RequestId.Should().StartWith("req_");
    }

    private static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(json, type) ?? throw new InvalidOperationException("null JSON");
}
