using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

// The nested objects of a response, read by hand so that a wrong-typed value ("result": "oops") reads as null and an
// odd member inside reads as unset, instead of failing the task that holds them. Read by hand, not delegated to the
// context: the context's metadata for these types would call these converters again.

/// <summary><c>result</c> of a task: <c>{ "primary_url", "urls" }</c>.</summary>
internal sealed class TolerantGenerationResultConverter : JsonConverter<GenerationResult>
{
    public override GenerationResult? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? primaryUrl = null;
        IReadOnlyList<string> urls = Array.Empty<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPrimary = reader.ValueTextEquals("primary_url");
            var isUrls = !isPrimary && reader.ValueTextEquals("urls");
            reader.Read();
            if (isPrimary)
            {
                primaryUrl = TolerantRead.String(ref reader);
            }
            else if (isUrls)
            {
                urls = TolerantRead.StringList(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new GenerationResult { PrimaryUrl = primaryUrl, Urls = urls };
    }

    public override void Write(Utf8JsonWriter writer, GenerationResult value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("primary_url", value.PrimaryUrl);
        writer.WriteStartArray("urls");
        foreach (var url in value.Urls)
        {
            writer.WriteStringValue(url);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary><c>error</c> of a failed task: <c>{ "code", "message" }</c>.</summary>
internal sealed class TolerantGenerationErrorConverter : JsonConverter<GenerationError>
{
    public override GenerationError? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? code = null;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals("code");
            var isMessage = !isCode && reader.ValueTextEquals("message");
            reader.Read();
            if (isCode)
            {
                code = TolerantRead.String(ref reader);
            }
            else if (isMessage)
            {
                message = TolerantRead.String(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new GenerationError { Code = code, Message = message };
    }

    public override void Write(Utf8JsonWriter writer, GenerationError value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteString("message", value.Message);
        writer.WriteEndObject();
    }
}

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
