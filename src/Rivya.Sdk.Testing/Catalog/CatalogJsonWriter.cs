using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Rivya.Sdk.Testing.Json;

namespace Rivya.Sdk.Testing.Catalog;

/// <summary>
/// <c>GET /api/v1/models</c>: <c>{ "object": "list", "data": [...] }</c>, one entry per model of the SDK's
/// <see cref="ModelCatalog"/>, in the documented catalogue shape.
/// </summary>
/// <remarks>
/// Rivya documents the names of the entry's fields but not the inner shape of <c>params</c> and
/// <c>reference_media</c>, nor the Kling models' input flags. The fake's assumptions: a parameter is
/// <c>{ "key", "type", "default", "options" | "min" + "max" }</c>; reference media is
/// <c>{ "max_items", "kinds", "mime_types", "max_file_size_bytes", "second_image_is_last_frame" }</c>; text works
/// without files and image-to-video needs the Files API (<c>partial_requires_files</c>).
/// </remarks>
internal static class CatalogJsonWriter
{
    public static byte[] Write(IReadOnlyList<ModelDefinition> models) => JsonWriting.Write(models, WriteList);

    private static void WriteList(Utf8JsonWriter writer, IReadOnlyList<ModelDefinition> models)
    {
        writer.WriteStartObject();
        writer.WriteString("object", "list");
        writer.WriteStartArray("data");
        foreach (var model in models)
        {
            WriteModel(writer, model);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteModel(Utf8JsonWriter writer, ModelDefinition model)
    {
        writer.WriteStartObject();
        writer.WriteString("id", model.Id);
        writer.WriteString("display_name", model.DisplayName);
        writer.WriteString("category", "video");
        writer.WriteString("runtime", "async_task");
        writer.WriteNumber("base_credits", model.BaseCredits);
        writer.WriteString("billing_type", "FIXED");
        writer.WriteStringArray("supported_modes", ["text-to-video", "image-to-video"]);
        writer.WriteNumber("max_prompt_length", model.MaxPromptLength);
        WriteReferenceMedia(writer, model.References);
        writer.WriteStartArray("params");
        foreach (var parameter in model.Parameters)
        {
            WriteParameter(writer, parameter);
        }

        writer.WriteEndArray();
        writer.WriteString("api_status", "available");
        writer.WriteString("api_input_status", "partial_requires_files");
        writer.WriteStringArray("supported_api_inputs", ["text", "file"]);
        writer.WriteBoolean("requires_files_api", false);
        writer.WriteStringArray("requires_upload_for_modes", ["image-to-video"]);
        writer.WriteBoolean("url_input_supported", false);
        writer.WriteStartArray("file_kinds");
        foreach (var kind in model.References.AllowedKinds)
        {
            writer.WriteStringValue(kind.ToString());
        }

        writer.WriteEndArray();
        writer.WriteNull("chat_capabilities");
        writer.WriteStartArray("notices");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteReferenceMedia(Utf8JsonWriter writer, ReferenceRules rules)
    {
        writer.WriteStartObject("reference_media");
        writer.WriteNumber("max_items", rules.MaxItems);
        writer.WriteStartArray("kinds");
        foreach (var kind in rules.AllowedKinds)
        {
            writer.WriteStringValue(kind.ToString());
        }

        writer.WriteEndArray();
        writer.WriteStringArray("mime_types", rules.AllowedMimeTypes);
        writer.WriteNumber("max_file_size_bytes", rules.MaxFileSizeBytes);
        writer.WriteBoolean("second_image_is_last_frame", rules.SecondImageIsLastFrame);
        writer.WriteEndObject();
    }

    private static void WriteParameter(Utf8JsonWriter writer, ModelParameter parameter)
    {
        writer.WriteStartObject();
        writer.WriteString("key", parameter.WireKey);
        switch (parameter.Kind)
        {
            case ModelParameterKind.Select:
                writer.WriteString("type", "select");
                writer.WriteString("default", parameter.DefaultValue);
                writer.WriteStringArray("options", parameter.Options);
                break;
            case ModelParameterKind.Number:
                writer.WriteString("type", "number");
                if (parameter.DefaultValue is { } number)
                {
                    writer.WriteNumber("default", double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture));
                }

                WriteOptionalNumber(writer, "min", parameter.Minimum);
                WriteOptionalNumber(writer, "max", parameter.Maximum);
                break;
            default:
                writer.WriteString("type", "text");
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
