using System;
using FluentAssertions;
using Rivya.Sdk.Tests.Models.Catalog;
using Xunit;

namespace Rivya.Sdk.Tests.Validation;

/// <summary>
/// Validating a valid request allocates nothing: it runs before every send. This is a memory assertion (bytes
/// allocated on this thread), not a timing one.
/// </summary>
public class ValidationAllocationTests
{
    private const int Iterations = 1_000;

    private const int Rounds = 5;

    public static readonly TheoryData<string> Records = new(CatalogRecords.SdkRecordNames);

    [Theory]
    [MemberData(nameof(Records))]
    public void Validating_a_valid_request_with_references_allocates_nothing(string recordName)
    {
        var request = FullyLoaded(CatalogRecords.Full(CatalogRecords.SdkRecordType(recordName)));
        request.Validate().Should().BeEmpty("the request must be valid for this measurement to mean anything");

        var allocated = AllocatedBy(() => request.Validate());

        allocated.Should().Be(0, $"validating a valid {request.Params!.ModelId} request should not allocate");
    }

    [Fact]
    public void The_measurement_sees_the_allocations_of_an_invalid_request()
    {
        var request = Wire.Request(new Kling30Params { Duration = 99 });

        AllocatedBy(() => request.Validate()).Should().BeGreaterThan(0);
    }

    /// <summary>
    /// The fewest bytes one of several rounds of <see cref="Iterations"/> calls allocated on this thread. A real
    /// allocation in validation shows in every round (at least <see cref="Iterations"/> bytes each); a one-off runtime
    /// allocation on this thread (a tier-up of a method under a loaded, parallel run allocated 3-5 KB once) shows in
    /// one round only, so the minimum is 0 however the run is scheduled.
    /// </summary>
    private static long AllocatedBy(Action validate)
    {
        validate();
        var fewest = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < Iterations; i++)
            {
                validate();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }

    /// <summary>Every documented parameter set and the maximum number of references, each with a MIME type.</summary>
    private static GenerationRequest FullyLoaded(ModelParams parameters)
    {
        var model = parameters.Definition!;
        var max = model.References.MaxItems;
        var items = new ReferenceMediaItem[max];
        for (var i = 0; i < max; i++)
        {
            items[i] = ReferenceMediaItem.Image($"https://cdn.example.com/ref-{i}.png?sig=abc#x", i == 0 ? "image/png" : "IMAGE/JPEG; q=1");
        }

        return new GenerationRequest
        {
            Prompt = new string('a', model.MaxPromptLength),
            Params = parameters with { ReferenceMediaItems = items },
            ClientRequestId = "order-1",
        };
    }
}
