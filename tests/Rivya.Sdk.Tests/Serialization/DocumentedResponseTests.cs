using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Serialization;

/// <summary>Every documented response (Fixtures/responses/) parses through the source-generated context.</summary>
public class DocumentedResponseTests
{
    private static readonly DateTimeOffset May11 = new(2026, 5, 11, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_documented_response_is_covered_by_a_test_here()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "responses"))
            .Select(Path.GetFileName)
            .OrderBy(f => f, StringComparer.Ordinal);

        files.Should().Equal(
            "credits.json",
            "error.validation_failed.json",
            "generation.succeeded.json",
            "kling-2-6.create.json",
            "kling-3-0.create.json",
            "kling-v2-1-master.create.json",
            "kling-v2-5-turbo-pro.create.json",
            "models.json");
    }

    [Theory]
    [InlineData("kling-v2-1-master", "task_kling_v2_1_master_example", 160)]
    [InlineData("kling-2-6", "task_kling_2_6_example", 55)]
    [InlineData("kling-3-0", "task_kling_3_0_example", 90)]
    [InlineData("kling-v2-5-turbo-pro", "task_kling_v2_5_turbo_pro_example", 42)]
    public void A_create_response_is_a_queued_task(string modelId, string taskId, int reservedCredits)
    {
        var generation = Wire.Generation(Fixture.Read($"responses/{modelId}.create.json"));

        generation.Id.Should().Be(taskId);
        generation.Status.Should().Be(GenerationStatus.Queued);
        generation.Model.Should().Be(modelId);
        generation.ReservedCredits.Should().Be(reservedCredits);
        generation.FinalCredits.Should().Be(0);
        generation.CreatedAt.Should().Be(May11);
        generation.UpdatedAt.Should().Be(May11);
        generation.Result.Should().BeNull();
        generation.Error.Should().BeNull();
        generation.IsTerminal.Should().BeFalse();
    }

    [Fact]
    public void A_succeeded_task_carries_its_result()
    {
        var generation = Wire.Generation(Fixture.Read("responses/generation.succeeded.json"));

        generation.Id.Should().Be("task_public_id");
        generation.Status.Should().Be(GenerationStatus.Succeeded);
        generation.Model.Should().Be("kling-3-0");
        generation.ReservedCredits.Should().Be(90);
        generation.FinalCredits.Should().Be(90);
        generation.CreatedAt.Should().Be(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));
        generation.UpdatedAt.Should().Be(new DateTimeOffset(2026, 5, 10, 0, 1, 0, TimeSpan.Zero));
        generation.Result.Should().NotBeNull();
        generation.Result!.PrimaryUrl.Should().Be("https://media.example/result.mp4");
        generation.Result.Urls.Should().Equal("https://media.example/result.mp4");
        generation.Error.Should().BeNull();
        generation.IsTerminal.Should().BeTrue();
    }

    [Fact]
    public void The_credit_balance_parses()
    {
        var balance = JsonSerializer.Deserialize(Fixture.Read("responses/credits.json"), RivyaJsonContext.Default.CreditBalance);

        balance!.CurrentCredits.Should().Be(123);
    }

    [Fact]
    public void The_error_envelope_parses_with_its_camel_case_request_id()
    {
        var envelope = JsonSerializer.Deserialize(Fixture.Read("responses/error.validation_failed.json"), RivyaJsonContext.Default.ErrorEnvelope);

        envelope!.Error.Should().NotBeNull();
        envelope.Error!.Code.Should().Be("validation_failed");
        envelope.Error.Message.Should().Be("Invalid request.");
        envelope.Error.RequestId.Should().Be("req_example");
    }

    [Fact]
    public void The_model_catalogue_parses_every_documented_field()
    {
        var list = JsonSerializer.Deserialize(Fixture.Read("responses/models.json"), RivyaJsonContext.Default.ModelList);

        list!.Object.Should().Be("list");
        var model = list.Data.Should().ContainSingle().Subject;
        model.Id.Should().Be("z-image");
        model.DisplayName.Should().Be("Z-Image");
        model.Category.Should().Be("image");
        model.Runtime.Should().Be("async_task");
        model.BaseCredits.Should().Be(1);
        model.BillingType.Should().Be("FIXED");
        model.SupportedModes.Should().Equal("text-to-image");
        model.MaxPromptLength.Should().Be(1000);
        model.ReferenceMedia.Should().BeNull();
        model.Params.Should().NotBeNull();
        model.Params!.Value.ValueKind.Should().Be(JsonValueKind.Array);
        model.Params.Value.GetArrayLength().Should().Be(0);
        model.ApiStatus.Should().Be("available");
        model.IsAvailable.Should().BeTrue();
        model.ApiInputStatus.Should().Be("available_text");
        model.SupportedApiInputs.Should().Equal("text");
        model.RequiresFilesApi.Should().BeFalse();
        model.RequiresUploadForModes.Should().BeEmpty();
        model.UrlInputSupported.Should().BeFalse();
        model.FileKinds.Should().BeEmpty();
        model.ChatCapabilities.Should().BeNull();
        model.Notices!.Value.ValueKind.Should().Be(JsonValueKind.Array);
    }
}
