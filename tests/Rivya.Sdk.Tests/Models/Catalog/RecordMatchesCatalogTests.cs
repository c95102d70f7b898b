using System.Linq;
using FluentAssertions;
using Xunit;

namespace Rivya.Sdk.Tests.Models.Catalog;

/// <summary>Each typed record of the SDK against its catalogue entry, and the catalogue against the records.</summary>
public class RecordMatchesCatalogTests
{
    public static TheoryData<string> RecordNames() => new(CatalogRecords.SdkRecordTypes.Select(t => t.Name));

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Record_and_its_catalogue_entry_agree_on_every_parameter(string recordName)
    {
        var type = CatalogRecords.SdkRecordType(recordName);
        var entry = CatalogRecords.New(type).Definition!;

        ModelCatalog.All.Should().Contain(entry, "a typed record is bound to an entry of the public catalogue");
        RecordWalk.Check(type, entry);
    }

    [Fact]
    public void Every_catalogue_entry_has_exactly_one_typed_record()
    {
        var bound = CatalogRecords.SdkRecordTypes.Select(t => CatalogRecords.New(t).Definition).ToList();

        bound.Should().OnlyHaveUniqueItems();
        bound.Select(d => d!.Id).Should().BeEquivalentTo(ModelCatalog.All.Select(m => m.Id));
        bound.Should().OnlyContain(d => ModelCatalog.All.Contains(d!), "records hold the catalogue's own instances");
    }
}
