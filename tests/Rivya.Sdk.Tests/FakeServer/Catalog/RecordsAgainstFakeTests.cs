using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Models.Catalog;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer.Catalog;

/// <summary>Every typed record against the fake server: the same values accepted and refused, and a full create answered.</summary>
public class RecordsAgainstFakeTests
{
    public static TheoryData<string> RecordNames() => new(CatalogRecords.SdkRecordNames);

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Fake_agrees_with_the_sdk_on_every_value(string recordName)
    {
        var type = CatalogRecords.SdkRecordType(recordName);

        RecordWalk.Check(type, CatalogRecords.New(type).Definition!, FifthModelFakeTests.FakeErrors(ModelCatalog.All));
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public async Task A_record_with_every_parameter_set_is_created_by_the_fake(string recordName)
    {
        await using var fake = FakeRivyaServer.Start();
        using var client = fake.CreateClient();
        var parameters = CatalogRecords.Full(CatalogRecords.SdkRecordType(recordName));

        var created = await client.Generations.CreateAsync(Wire.Request(parameters)).Bound();

        created.Model.Should().Be(parameters.ModelId);
        created.ReservedCredits.Should().Be(parameters.Definition!.BaseCredits);
        System.Text.Json.Nodes.JsonNode.Parse(fake.Requests[^1].BodyText)!["params"]!.AsObject().Select(p => p.Key)
            .Should().BeEquivalentTo(parameters.Definition.Parameters.Select(p => p.WireKey), "every catalogue parameter was sent");
    }
}
