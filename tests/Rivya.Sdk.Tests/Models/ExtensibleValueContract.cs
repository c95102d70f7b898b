using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FluentAssertions;
using Rivya.Sdk.Serialization;
using Xunit;

namespace Rivya.Sdk.Tests.Models;

/// <summary>
/// What every extensible string value promises (<see cref="AspectRatio"/>, <see cref="Kling30Mode"/>,
/// <see cref="MediaKind"/>, <see cref="GenerationStatus"/>); each gets these tests through a subclass.
/// </summary>
public abstract class ExtensibleValueContract<T>
    where T : struct, IEquatable<T>
{
    private const string Unknown = "Future-Value_2";

    protected abstract IReadOnlyList<(T Value, string Wire)> Known { get; }

    protected abstract T Create(string wire);

    protected abstract T Convert(string wire);

    protected abstract bool OperatorEquals(T left, T right);

    protected abstract bool OperatorNotEquals(T left, T right);

    [Fact]
    public void Known_values_read_as_their_wire_value()
    {
        foreach (var (value, wire) in Known)
        {
            value.ToString().Should().Be(wire);
            Create(wire).Should().Be(value);
        }

        Known.Select(k => k.Value).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Equality_and_hash_code_ignore_case()
    {
        foreach (var (value, wire) in Known)
        {
            foreach (var spelling in new[] { wire.ToUpperInvariant(), wire.ToLowerInvariant(), Capitalize(wire) })
            {
                var other = Create(spelling);
                other.Equals(value).Should().BeTrue();
                OperatorEquals(other, value).Should().BeTrue();
                OperatorNotEquals(other, value).Should().BeFalse();
                other.GetHashCode().Should().Be(value.GetHashCode());
                other.ToString().Should().Be(spelling, "the spelling given is kept");
            }
        }

        Create("ABC").GetHashCode().Should().Be(Create("abc").GetHashCode());
    }

    [Fact]
    public void Different_values_are_not_equal()
    {
        var values = Known.Select(k => k.Value).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            for (var j = 0; j < values.Length; j++)
            {
                OperatorEquals(values[i], values[j]).Should().Be(i == j);
                OperatorNotEquals(values[i], values[j]).Should().Be(i != j);
            }
        }
    }

    [Fact]
    public void An_unknown_value_is_kept_as_given()
    {
        var unknown = Create(Unknown);

        unknown.ToString().Should().Be(Unknown);
        Known.Should().NotContain(k => k.Value.Equals(unknown));
        unknown.Should().Be(Create(Unknown.ToUpperInvariant()));
        unknown.GetHashCode().Should().Be(Create(Unknown.ToUpperInvariant()).GetHashCode());
    }

    [Fact]
    public void A_string_converts_implicitly()
    {
        foreach (var (value, wire) in Known)
        {
            Convert(wire).Should().Be(value);
        }

        Convert(Unknown).ToString().Should().Be(Unknown);
    }

    [Fact]
    public void The_default_value_reads_as_empty_and_equals_the_empty_string()
    {
        var empty = default(T);

        empty.ToString().Should().BeEmpty();
        empty.Equals(Create(string.Empty)).Should().BeTrue();
        OperatorEquals(empty, Create(string.Empty)).Should().BeTrue();
        empty.GetHashCode().Should().Be(Create(string.Empty).GetHashCode(), "equal values must have equal hash codes");
        Known.Should().NotContain(k => k.Value.Equals(empty));
        new HashSet<T> { empty, Create(string.Empty) }.Should().HaveCount(1);
    }

    [Fact]
    public void Equals_object_compares_values_of_the_same_type_only()
    {
        var (value, wire) = Known[0];

        value.Equals((object)Create(wire.ToUpperInvariant())).Should().BeTrue();
        value.Equals((object)wire).Should().BeFalse();
        value.Equals(null).Should().BeFalse();
    }

    [Fact]
    public void Null_is_not_a_value()
    {
        var create = () => Create(null!);
        var convert = () => Convert(null!);

        create.Should().Throw<ArgumentNullException>();
        convert.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Values_round_trip_through_the_source_generated_context()
    {
        var info = TypeInfo();

        foreach (var wire in Known.Select(k => k.Wire).Append(Unknown).Append("Ünïcödé ✓"))
        {
            var json = JsonSerializer.Serialize(Create(wire), info);

            JsonDocument.Parse(json).RootElement.GetString().Should().Be(wire);
            var back = JsonSerializer.Deserialize(json, info);
            back.ToString().Should().Be(wire);
            back.Should().Be(Create(wire));
        }
    }

    [Fact]
    public void A_documented_value_read_from_json_is_the_known_value_itself_and_another_case_keeps_its_text()
    {
        var info = TypeInfo();

        foreach (var (value, wire) in Known)
        {
            var read = JsonSerializer.Deserialize($"\"{wire}\"", info);

            // The same string instance as the static property's: nothing was allocated for it.
            ReferenceEquals(read.ToString(), value.ToString()).Should().BeTrue($"\"{wire}\" should read as the known instance");

            var upper = wire.ToUpperInvariant();
            var readUpper = JsonSerializer.Deserialize($"\"{upper}\"", info);
            readUpper.ToString().Should().Be(upper, "the sender's spelling is kept");
            readUpper.Should().Be(value);
        }
    }

    [Fact]
    public void Json_null_and_structures_read_as_the_default_and_other_scalars_as_their_text()
    {
        var info = TypeInfo();

        JsonSerializer.Deserialize("null", info).Should().Be(default(T));
        JsonSerializer.Deserialize("5", info).ToString().Should().Be("5");
        JsonSerializer.Deserialize("false", info).ToString().Should().Be("false");
        // An object or array says nothing usable: unset, so the response holding it is still read.
        JsonSerializer.Deserialize("{\"a\":[1]}", info).Should().Be(default(T));
        JsonSerializer.Deserialize("[1,2]", info).Should().Be(default(T));
    }

    private static JsonTypeInfo<T> TypeInfo()
    {
        var info = RivyaJsonContext.Default.GetTypeInfo(typeof(T));
        info.Should().NotBeNull($"{typeof(T).Name} must be serializable through RivyaJsonContext");
        return (JsonTypeInfo<T>)info!;
    }

    private static string Capitalize(string wire) =>
        wire.Length == 0 ? wire : char.ToUpperInvariant(wire[0]) + wire.Substring(1).ToLowerInvariant();
}

public class AspectRatioTests : ExtensibleValueContract<AspectRatio>
{
    protected override IReadOnlyList<(AspectRatio Value, string Wire)> Known =>
        [(AspectRatio.Landscape, "16:9"), (AspectRatio.Portrait, "9:16"), (AspectRatio.Square, "1:1")];

    protected override AspectRatio Create(string wire) => new(wire);

    protected override AspectRatio Convert(string wire) => wire;

    protected override bool OperatorEquals(AspectRatio left, AspectRatio right) => left == right;

    protected override bool OperatorNotEquals(AspectRatio left, AspectRatio right) => left != right;
}

public class Kling30ModeTests : ExtensibleValueContract<Kling30Mode>
{
    protected override IReadOnlyList<(Kling30Mode Value, string Wire)> Known =>
        [(Kling30Mode.Std, "std"), (Kling30Mode.Pro, "pro")];

    protected override Kling30Mode Create(string wire) => new(wire);

    protected override Kling30Mode Convert(string wire) => wire;

    protected override bool OperatorEquals(Kling30Mode left, Kling30Mode right) => left == right;

    protected override bool OperatorNotEquals(Kling30Mode left, Kling30Mode right) => left != right;
}

public class MediaKindTests : ExtensibleValueContract<MediaKind>
{
    protected override IReadOnlyList<(MediaKind Value, string Wire)> Known =>
        [(MediaKind.Image, "image"), (MediaKind.Video, "video"), (MediaKind.Audio, "audio")];

    protected override MediaKind Create(string wire) => new(wire);

    protected override MediaKind Convert(string wire) => wire;

    protected override bool OperatorEquals(MediaKind left, MediaKind right) => left == right;

    protected override bool OperatorNotEquals(MediaKind left, MediaKind right) => left != right;
}

public class GenerationStatusTests : ExtensibleValueContract<GenerationStatus>
{
    protected override IReadOnlyList<(GenerationStatus Value, string Wire)> Known =>
    [
        (GenerationStatus.Queued, "queued"),
        (GenerationStatus.Processing, "processing"),
        (GenerationStatus.Succeeded, "succeeded"),
        (GenerationStatus.Failed, "failed"),
    ];

    protected override GenerationStatus Create(string wire) => new(wire);

    protected override GenerationStatus Convert(string wire) => wire;

    protected override bool OperatorEquals(GenerationStatus left, GenerationStatus right) => left == right;

    protected override bool OperatorNotEquals(GenerationStatus left, GenerationStatus right) => left != right;
}
