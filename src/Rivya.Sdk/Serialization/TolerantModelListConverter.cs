using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>The catalogue's <c>data</c>: entries that are not objects are dropped; anything but an array reads as empty.</summary>
internal sealed class TolerantModelListConverter : JsonConverter<IReadOnlyList<RivyaModel>>
{
    public override IReadOnlyList<RivyaModel> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return Array.Empty<RivyaModel>();
        }

        var models = new List<RivyaModel>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize(ref reader, RivyaJsonContext.Default.RivyaModel) is { } model)
            {
                models.Add(model);
            }
            else
            {
                reader.Skip();
            }
        }

        return models;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<RivyaModel> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var model in value)
        {
            JsonSerializer.Serialize(writer, model, RivyaJsonContext.Default.RivyaModel);
        }

        writer.WriteEndArray();
    }
}
