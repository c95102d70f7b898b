using System;
using System.Text.Json;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Serialization;

/// <summary>A server newer or sloppier than the docs must not break parsing: unknown fields, values and shapes are tolerated.</summary>
public class ResponseToleranceTests
{
    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        var generation = Wire.Generation("""
            {
              "id": "task_1", "status": "succeeded", "priority": 3, "tags": ["a", {"b": 1}], "meta": {"x": [1, 2, {"y": null}]},
              "result": { "primary_url": "https://media.example/a.mp4", "urls": ["https://media.example/a.mp4"], "thumbnails": {"small": "s"} },
              "error": null, "billing": null
            }
            """);

        generation.Id.Should().Be("task_1");
        generation.Status.Should().Be(GenerationStatus.Succeeded);
        generation.Result!.PrimaryUrl.Should().Be("https://media.example/a.mp4");
    }

    [Fact]
    public void An_unknown_status_is_kept_readable_and_not_terminal()
    {
        var generation = Wire.Generation("""{ "id": "task_1", "status": "cancelling" }""");

        generation.Status.ToString().Should().Be("cancelling");
        generation.Status.Should().NotBe(GenerationStatus.Queued).And.NotBe(GenerationStatus.Processing)
            .And.NotBe(GenerationStatus.Succeeded).And.NotBe(GenerationStatus.Failed);
        generation.IsTerminal.Should().BeFalse();
    }

    [Theory]
    [InlineData("queued", false)]
    [InlineData("processing", false)]
    [InlineData("succeeded", true)]
    [InlineData("failed", true)]
    [InlineData("SUCCEEDED", true)]
    [InlineData("Failed", true)]
    [InlineData("cancelled", false)]
    [InlineData("", false)]
    public void Only_succeeded_and_failed_are_terminal(string status, bool terminal)
    {
        Wire.Generation($$"""{ "id": "t", "status": "{{status}}" }""").IsTerminal.Should().Be(terminal);
    }

    [Fact]
    public void A_missing_or_null_status_reads_as_empty_and_not_terminal()
    {
        foreach (var json in new[] { """{ "id": "t" }""", """{ "id": "t", "status": null }""" })
        {
            var generation = Wire.Generation(json);

            generation.Status.ToString().Should().BeEmpty();
            generation.IsTerminal.Should().BeFalse();
        }
    }

    [Fact]
    public void A_status_sent_as_another_json_type_is_kept_as_its_text()
    {
        Wire.Generation("""{ "id": "t", "status": 2 }""").Status.ToString().Should().Be("2");
        Wire.Generation("""{ "id": "t", "status": true }""").Status.ToString().Should().Be("true");
    }

    [Fact]
    public void Missing_optional_fields_are_allowed()
    {
        var generation = Wire.Generation("""{ "id": "task_1", "status": "processing" }""");

        generation.Id.Should().Be("task_1");
        generation.Status.Should().Be(GenerationStatus.Processing);
        generation.Model.Should().BeNull();
        generation.ReservedCredits.Should().Be(0);
        generation.FinalCredits.Should().Be(0);
        generation.CreatedAt.Should().BeNull();
        generation.UpdatedAt.Should().BeNull();
        generation.Result.Should().BeNull();
        generation.Error.Should().BeNull();
    }

    [Theory]
    [InlineData("""{ "primary_url": "https://m.example/a.mp4" }""")]
    [InlineData("""{ "primary_url": "https://m.example/a.mp4", "urls": null }""")]
    public void A_result_without_urls_has_an_empty_list(string result)
    {
        var generation = Wire.Generation($$"""{ "id": "t", "status": "succeeded", "result": {{result}} }""");

        generation.Result!.PrimaryUrl.Should().Be("https://m.example/a.mp4");
        generation.Result.Urls.Should().NotBeNull().And.BeEmpty();
    }

    [Theory]
    [InlineData("""{ "status": "queued" }""")]
    [InlineData("""{ "id": null, "status": "queued" }""")]
    public void A_missing_or_null_id_reads_as_empty_not_null(string json)
    {
        Wire.Generation(json).Id.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void Null_lists_in_the_catalogue_read_as_empty()
    {
        var models = JsonSerializer.Deserialize(
            """
            { "object": "list", "data": [ { "id": null, "supported_modes": null, "supported_api_inputs": null,
              "requires_upload_for_modes": null, "file_kinds": null } ] }
            """,
            RivyaJsonContext.Default.ModelList);
        var empty = JsonSerializer.Deserialize("""{ "object": "list", "data": null }""", RivyaJsonContext.Default.ModelList);

        var model = models!.Data.Should().ContainSingle().Subject;
        model.Id.Should().NotBeNull().And.BeEmpty();
        model.SupportedModes.Should().NotBeNull().And.BeEmpty();
        model.SupportedApiInputs.Should().NotBeNull().And.BeEmpty();
        model.RequiresUploadForModes.Should().NotBeNull().And.BeEmpty();
        model.FileKinds.Should().NotBeNull().And.BeEmpty();
        empty!.Data.Should().NotBeNull().And.BeEmpty();
    }

    [Fact]
    public void A_failed_task_carries_its_error()
    {
        var generation = Wire.Generation("""
            { "id": "t", "status": "failed", "error": { "code": "generation_failed", "message": "The model could not render the scene.", "retryable": false } }
            """);

        generation.IsTerminal.Should().BeTrue();
        generation.Error!.Code.Should().Be("generation_failed");
        generation.Error.Message.Should().Be("The model could not render the scene.");
        generation.Result.Should().BeNull();
    }

    [Theory]
    [InlineData("\"not a date\"")]
    [InlineData("\"2026-13-45T00:00:00Z\"")]
    [InlineData("\"2026-05-10T25:61:00Z\"")]
    [InlineData("\"\"")]
    [InlineData("\"10/05/2026\"")]
    [InlineData("\"May 10, 2026\"")]
    [InlineData("1778371200")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[\"2026-05-10T00:00:00Z\"]")]
    [InlineData("null")]
    public void A_malformed_timestamp_reads_as_null(string createdAt)
    {
        var generation = Wire.Generation($$"""{ "id": "task_1", "created_at": {{createdAt}}, "status": "queued", "updated_at": "2026-05-10T00:01:00Z" }""");

        generation.CreatedAt.Should().BeNull();
        generation.Id.Should().Be("task_1");
        generation.Status.Should().Be(GenerationStatus.Queued, "the fields after the bad timestamp are still read");
        generation.UpdatedAt.Should().Be(new DateTimeOffset(2026, 5, 10, 0, 1, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2026-05-10T00:00:00.000Z")]
    [InlineData("2026-05-10T00:00:00Z")]
    [InlineData("2026-05-10T02:00:00+02:00")]
    [InlineData("2026-05-10T00:00:00.1234567Z")]
    [InlineData("2026-05-10T00:00:00.123456789Z")]
    [InlineData("2026-05-10 00:00:00Z")]
    [InlineData("2026-05-10T00:00:00")]
    [InlineData("2026-05-10")]
    public void Iso_8601_timestamps_are_read_as_the_same_instant(string createdAt)
    {
        var generation = Wire.Generation($$"""{ "id": "t", "created_at": "{{createdAt}}" }""");

        generation.CreatedAt.Should().NotBeNull();
        generation.CreatedAt!.Value.UtcDateTime.Should().BeCloseTo(new DateTime(2026, 5, 10, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("2026-05-10T02:00:00+02:00")]
    [InlineData("2026-05-09T19:00:00-05:00")]
    [InlineData("2026-05-10T00:00:00.000Z")]
    [InlineData("2026-05-10T00:00:00.000z")]
    [InlineData("2026-05-10T02:00:00+0200")]
    public void A_timestamp_with_an_offset_is_read_as_utc(string createdAt)
    {
        var generation = Wire.Generation($$"""{ "id": "t", "created_at": "{{createdAt}}" }""");

        generation.CreatedAt.Should().Be(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));
        generation.CreatedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_timestamp_with_json_escapes_is_unescaped_before_parsing()
    {
        var generation = Wire.Generation("""{ "id": "t", "created_at": "2026\u002D05\u002D10T02:00:00\u002B02:00" }""");

        generation.CreatedAt.Should().Be(new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(44)]
    [InlineData(45)]
    [InlineData(500)]
    public void An_over_long_timestamp_reads_as_null_and_the_rest_still_parses(int padding)
    {
        // 20 characters of timestamp plus the padding straddles the parser's 64-character stack buffer.
        var text = "2026-05-10T00:00:00Z" + new string('x', padding);
        var generation = Wire.Generation($$"""{ "id": "t", "created_at": "{{text}}", "status": "queued" }""");

        generation.CreatedAt.Should().BeNull();
        generation.Status.Should().Be(GenerationStatus.Queued);
    }

    [Fact]
    public void A_timestamp_without_an_offset_is_utc_whatever_the_machines_time_zone()
    {
        // Fails only on a machine whose local zone is not UTC (e.g. TZ=Asia/Bangkok ./test.sh) if local time creeps back in.
        var generation = Wire.Generation("""{ "id": "t", "created_at": "2026-05-10T07:30:00" }""");

        generation.CreatedAt.Should().Be(new DateTimeOffset(2026, 5, 10, 7, 30, 0, TimeSpan.Zero));
        generation.CreatedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_null_credit_amount_reads_as_zero_and_a_null_optional_one_stays_null()
    {
        var generation = Wire.Generation("""{ "id": "t", "status": "queued", "reserved_credits": 90, "final_credits": null }""");
        var models = JsonSerializer.Deserialize(
            """{ "object": "list", "data": [ { "id": "kling-3-0", "base_credits": null } ] }""",
            RivyaJsonContext.Default.ModelList);

        generation.ReservedCredits.Should().Be(90m);
        generation.FinalCredits.Should().Be(0m);
        models!.Data[0].BaseCredits.Should().BeNull();
    }

    [Fact]
    public void Numbers_sent_as_strings_are_accepted()
    {
        var generation = Wire.Generation("""{ "id": "t", "status": "succeeded", "reserved_credits": "90", "final_credits": "87.5" }""");
        var balance = JsonSerializer.Deserialize("""{ "current_credits": "123.25" }""", RivyaJsonContext.Default.CreditBalance);
        var models = JsonSerializer.Deserialize(
            """{ "object": "list", "data": [ { "id": "kling-3-0", "base_credits": "90", "max_prompt_length": "2000" } ] }""",
            RivyaJsonContext.Default.ModelList);

        generation.ReservedCredits.Should().Be(90m);
        generation.FinalCredits.Should().Be(87.5m);
        balance!.CurrentCredits.Should().Be(123.25m);
        models!.Data[0].BaseCredits.Should().Be(90m);
        models.Data[0].MaxPromptLength.Should().Be(2000);
    }

    [Fact]
    public void A_catalogue_entry_with_unknown_values_and_missing_fields_is_kept()
    {
        var models = JsonSerializer.Deserialize(
            """
            { "object": "list", "data": [
                { "id": "kling-4-0", "api_status": "private_beta", "category": "hologram", "new_field": {"a": 1} },
                { "id": "kling-3-0", "api_status": "AVAILABLE" }
              ], "has_more": false }
            """,
            RivyaJsonContext.Default.ModelList);

        models!.Data.Should().HaveCount(2);
        var future = models.Data[0];
        future.Id.Should().Be("kling-4-0");
        future.ApiStatus.Should().Be("private_beta");
        future.Category.Should().Be("hologram");
        future.IsAvailable.Should().BeFalse();
        future.DisplayName.Should().BeNull();
        future.BaseCredits.Should().BeNull();
        future.SupportedModes.Should().NotBeNull().And.BeEmpty();
        future.SupportedApiInputs.Should().NotBeNull().And.BeEmpty();
        future.RequiresUploadForModes.Should().NotBeNull().And.BeEmpty();
        future.FileKinds.Should().NotBeNull().And.BeEmpty();
        future.Params.Should().BeNull();
        models.Data[1].IsAvailable.Should().BeTrue();
    }

    [Fact]
    public void An_error_body_with_extra_fields_or_missing_ones_parses()
    {
        var envelope = JsonSerializer.Deserialize(
            """{ "error": { "code": "rate_limited", "details": [1, 2] }, "trace": "x" }""",
            RivyaJsonContext.Default.ErrorEnvelope);

        envelope!.Error!.Code.Should().Be("rate_limited");
        envelope.Error.Message.Should().BeNull();
        envelope.Error.RequestId.Should().BeNull();
    }
}
