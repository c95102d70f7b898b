using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Rivya.Sdk;

namespace Rivya.Cli.Output;

/// <summary>
/// The JSON documents single commands print, in Rivya's own wire shape (snake_case, as the API answers), written with
/// <see cref="Utf8JsonWriter"/> (no reflection: the NativeAOT binary needs none).
/// </summary>
internal static class WireJson
{
    public static string Task(Generation task, string? outputFile = null) => Write(w =>
    {
        w.WriteStartObject();
        WriteTaskFields(w, task);
        if (outputFile is not null)
        {
            // Not Rivya's: where this command saved the result.
            w.WriteString("output_file", outputFile);
        }

        w.WriteEndObject();
    });

    public static string Balance(CreditBalance balance) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("current_credits", balance.CurrentCredits);
        w.WriteEndObject();
    });

    public static string Models(IReadOnlyList<RivyaModel> models) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("object", "list");
        w.WriteStartArray("data");
        foreach (var model in models)
        {
            WriteModel(w, model);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static string CatalogCheck(CatalogCheck check) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("has_drift", check.HasDrift);
        w.WriteStartArray("changes");
        foreach (var change in check.Changes)
        {
            w.WriteStartObject();
            w.WriteString("model_id", change.ModelId);
            w.WriteString("kind", ToSnakeCase(change.Kind.ToString()));
            w.WriteString("expected", change.Expected);
            w.WriteString("actual", change.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("models_not_in_sdk");
        foreach (var model in check.ModelsNotInSdk)
        {
            w.WriteStringValue(model.Id);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void WriteTaskFields(Utf8JsonWriter w, Generation task)
    {
        w.WriteString("id", task.Id);
        w.WriteString("status", task.Status.ToString());
        w.WriteString("model", task.Model);
        w.WriteNumber("reserved_credits", task.ReservedCredits);
        w.WriteNumber("final_credits", task.FinalCredits);
        WriteTime(w, "created_at", task.CreatedAt);
        WriteTime(w, "updated_at", task.UpdatedAt);
        if (task.Result is { } result)
        {
            w.WriteStartObject("result");
            w.WriteString("primary_url", result.PrimaryUrl);
            WriteStrings(w, "urls", result.Urls);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("result");
        }

        if (task.Error is { } error)
        {
            w.WriteStartObject("error");
            w.WriteString("code", error.Code);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("error");
        }
    }

    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteModel(Utf8JsonWriter w, RivyaModel model)
    {
        w.WriteStartObject();
        w.WriteString("id", model.Id);
        w.WriteString("display_name", model.DisplayName);
        w.WriteString("category", model.Category);
        w.WriteString("runtime", model.Runtime);
        if (model.BaseCredits is { } credits)
        {
            w.WriteNumber("base_credits", credits);
        }

        w.WriteString("billing_type", model.BillingType);
        WriteStrings(w, "supported_modes", model.SupportedModes);
        if (model.MaxPromptLength is { } length)
        {
            w.WriteNumber("max_prompt_length", length);
        }

        WriteElement(w, "reference_media", model.ReferenceMedia);
        WriteElement(w, "params", model.Params);
        w.WriteString("api_status", model.ApiStatus);
        w.WriteString("api_input_status", model.ApiInputStatus);
        WriteStrings(w, "supported_api_inputs", model.SupportedApiInputs);
        WriteStrings(w, "file_kinds", model.FileKinds);
        w.WriteEndObject();
    }

    private static void WriteElement(Utf8JsonWriter w, string name, JsonElement? element)
    {
        if (element is { } value)
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string>? values)
    {
        w.WriteStartArray(name);
        foreach (var value in values ?? [])
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            w.WriteString(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string ToSnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
