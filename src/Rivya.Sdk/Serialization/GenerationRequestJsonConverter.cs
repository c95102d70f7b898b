using System;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        WriteMembers(writer, (parameters as RawModelParams)?.Params);
        var visitor = new WritingVisitor(writer);
        parameters.VisitParameters(ref visitor);
        WriteMembers(writer, parameters.AdditionalParams);

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

    private static void WriteMembers(Utf8JsonWriter writer, JsonObject? members)
    {
        if (members is null)
        {
            return;
        }

        foreach (var property in members)
        {
            writer.WritePropertyName(property.Key);
            if (property.Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                property.Value.WriteTo(writer);
            }
        }
    }

    /// <summary>
    /// Writes each set parameter in Rivya's documented wire form: select values as JSON strings (<c>"5"</c>,
    /// <c>"false"</c>), numbers as numbers, unset properties left out so the server default applies.
    /// </summary>
    private readonly struct WritingVisitor(Utf8JsonWriter writer) : IParameterVisitor
    {
        public void Select(ModelParameter parameter, string? value)
        {
            if (value is not null)
            {
                // A known option is sent in its documented spelling even if the caller wrote "PRO" for "pro".
                var index = parameter.IndexOfOption(value);
                writer.WriteString(parameter.EncodedKey, index >= 0 ? parameter.Option(index) : value);
            }
        }

        public void Select(ModelParameter parameter, int? value)
        {
            if (value is not { } number)
            {
                return;
            }

            var index = parameter.IndexOfOption(number);
            if (index >= 0)
            {
                writer.WriteString(parameter.EncodedKey, parameter.Option(index));
                return;
            }

            // Only reached when validation was skipped: format without allocating a string.
            Span<byte> utf8 = stackalloc byte[11];
            Utf8Formatter.TryFormat(number, utf8, out var written);
            writer.WriteString(parameter.EncodedKey, utf8.Slice(0, written));
        }

        public void Select(ModelParameter parameter, bool? value)
        {
            if (value is { } flag)
            {
                writer.WriteString(parameter.EncodedKey, flag ? "true" : "false");
            }
        }

        public void Number(ModelParameter parameter, double? value)
        {
            if (value is { } number)
            {
                writer.WriteNumber(parameter.EncodedKey, number);
            }
        }

        public void Text(ModelParameter parameter, string? value)
        {
            if (value is not null)
            {
                writer.WriteString(parameter.EncodedKey, value);
            }
        }
    }
}
