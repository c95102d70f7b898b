using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Serialization;

/// <summary>The hand-read task (<c>TolerantGenerationConverter</c>) keeps the rules the generated metadata had.</summary>
public class GenerationReadingTests
{
    private const string Task = """
        { "id": "task_1", "status": "succeeded", "model": "kling-3-0", "reserved_credits": 12.5, "final_credits": "10",
          "created_at": "2026-05-10T00:00:00Z", "updated_at": "2026-05-10T00:01:00+02:00",
          "result": { "primary_url": "https://m.example/a.mp4", "urls": ["https://m.example/a.mp4", 7, null] },
          "error": { "code": "none", "message": "m", "extra": [1] }, "later": { "x": [1, 2] } }
        """;

    [Theory]
    [InlineData("[]")]
    [InlineData("\"task_1\"")]
    [InlineData("42")]
    public void A_task_that_is_not_an_object_is_unreadable(string json)
    {
        FluentActions.Invoking(() => Wire.Generation(json)).Should().Throw<JsonException>();
    }

    [Fact]
    public void Every_member_is_read()
    {
        var task = Wire.Generation(Task);

        task.Should().BeEquivalentTo(new
        {
            Id = "task_1",
            Model = "kling-3-0",
            ReservedCredits = 12.5m,
            FinalCredits = 10m,
            CreatedAt = (DateTimeOffset?)new DateTimeOffset(2026, 5, 10, 0, 0, 0, TimeSpan.Zero),
            UpdatedAt = (DateTimeOffset?)new DateTimeOffset(2026, 5, 9, 22, 1, 0, TimeSpan.Zero),
            Result = new { PrimaryUrl = "https://m.example/a.mp4", Urls = new[] { "https://m.example/a.mp4" } },
            Error = new { Code = "none", Message = "m" },
        });
        task.Status.Should().Be(GenerationStatus.Succeeded);
    }

    [Fact]
    public void Wrong_typed_members_read_as_unset_and_the_rest_is_kept()
    {
        var task = Wire.Generation("""
            { "id": "t", "model": true, "status": ["x"], "reserved_credits": { "a": 1 }, "final_credits": "2.5",
              "created_at": 5, "result": "oops", "error": [1], "updated_at": "2026-05-10T00:00:00Z" }
            """);

        task.Should().BeEquivalentTo(new { Id = "t", Model = (string?)null, ReservedCredits = 0m, FinalCredits = 2.5m, CreatedAt = (DateTimeOffset?)null, Result = (object?)null, Error = (object?)null });
        task.Status.Should().Be(default(GenerationStatus));
        task.UpdatedAt.Should().NotBeNull();
    }

    [Fact]
    public void Names_are_exact_unescaped_and_the_last_repeat_wins()
    {
        var task = Wire.Generation("""{ "id": "first", "ID": "upper", "\u0069d": "escaped", "status": "queued", "status": "failed" }""");

        task.Id.Should().Be("escaped");
        task.Status.Should().Be(GenerationStatus.Failed);
    }

    [Fact]
    public async Task A_body_arriving_one_byte_at_a_time_reads_the_same()
    {
        await using var stream = new OneByteStream(Encoding.UTF8.GetBytes(Task));

        var task = await JsonSerializer.DeserializeAsync(stream, RivyaJsonContext.Default.Generation);

        task.Should().BeEquivalentTo(Wire.Generation(Task));
    }

    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }
}
