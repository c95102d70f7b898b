using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Writes a <see cref="GenerationRequest"/> as Rivya documents it: snake_case top-level keys, the model's
/// <c>params</c> from its typed record, and <c>params.referenceMediaItems</c> with camelCase keys.
/// </summary>
internal sealed class GenerationRequestJsonConverter : JsonConverter<GenerationRequest>
{
    private static readonly JsonEncodedText ModelKey = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText PromptKey = JsonEncodedText.Encode("prompt");
    private static readonly JsonEncodedText ParamsKey = JsonEncodedText.Encode("params");
    private static readonly JsonEncodedText ReferencesKey = JsonEncodedText.Encode("referenceMediaItems");
    private static readonly JsonEncodedText ClientRequestIdKey = JsonEncodedText.Encode("client_request_id");

    public override GenerationRequest Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A GenerationRequest is only written: the SDK never reads one back.");

    public override void Write(Utf8JsonWriter writer, GenerationRequest value, JsonSerializerOptions options)
    {
        var parameters = value.Params ?? throw new JsonException("GenerationRequest.Params is required.");

        writer.WriteStartObject();
        writer.WriteString(ModelKey, parameters.ModelId);
        if (value.Prompt is not null)
        {
            writer.WriteString(PromptKey, value.Prompt);
        }

        writer.WritePropertyName(ParamsKey);
        writer.WriteStartObject();
        if (parameters is RawModelParams raw)
        {
            foreach (var property in raw.Params)
            {
                writer.WritePropertyName(property.Key);
                WriteNode(writer, property.Value);
            }
        }

        var visitor = new WritingVisitor(writer);
        parameters.VisitParameters(ref visitor);
        if (parameters.AdditionalParams is { } additional)
        {
            foreach (var property in additional)
            {
                writer.WritePropertyName(property.Key);
                WriteNode(writer, property.Value);
            }
        }

        if (parameters.ReferenceMediaItems is { } items)
        {
            writer.WritePropertyName(ReferencesKey);
            writer.WriteStartArray();
            var itemInfo = RivyaJsonContext.Default.ReferenceMediaItem;
            for (var i = 0; i < items.Count; i++)
            {
                JsonSerializer.Serialize(writer, items[i], itemInfo);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();

        if (value.ClientRequestId is not null)
        {
            writer.WriteString(ClientRequestIdKey, value.ClientRequestId);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, System.Text.Json.Nodes.JsonNode? node)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    }
}
