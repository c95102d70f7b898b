using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// A task (<c>Generation</c>) and its nested <c>result</c> and <c>error</c>, read by hand with the tolerant rules of
/// <see cref="TolerantRead"/>: unknown members are skipped, the last of a repeated member wins, a member of the wrong
/// type reads as unset (a <c>"result": "oops"</c> as null), and only a document that is not an object fails.
/// </summary>
/// <remarks>
/// Cold start: generated metadata for <see cref="Generation"/> made the JIT compile ~60 System.Text.Json generics over
/// the <see cref="GenerationStatus"/> struct (and its decimal and timestamp members) on a process's first call.
/// </remarks>
internal sealed class TolerantGenerationConverter : JsonConverter<Generation>
{
    private static readonly GenerationStatusJsonConverter StatusConverter = new();

    public override Generation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A task must be a JSON object, not {reader.TokenType}.");
        }

        string? id = null, model = null;
        GenerationStatus status = default;
        decimal reserved = 0m, final = 0m;
        DateTimeOffset? createdAt = null, updatedAt = null;
        GenerationResult? result = null;
        GenerationError? error = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (At(ref reader, "id"))
            {
                id = TolerantRead.String(ref reader);
            }
            else if (At(ref reader, "status"))
            {
                status = StatusConverter.Read(ref reader, typeof(GenerationStatus), options);
            }
            else if (At(ref reader, "model"))
            {
                model = TolerantRead.String(ref reader);
            }
            else if (At(ref reader, "reserved_credits"))
            {
                reserved = TolerantRead.Credits(ref reader);
            }
            else if (At(ref reader, "final_credits"))
            {
                final = TolerantRead.Credits(ref reader);
            }
            else if (At(ref reader, "created_at"))
            {
                createdAt = TolerantRead.Timestamp(ref reader);
            }
            else if (At(ref reader, "updated_at"))
            {
                updatedAt = TolerantRead.Timestamp(ref reader);
            }
            else if (At(ref reader, "result"))
            {
                result = ReadResult(ref reader);
            }
            else if (At(ref reader, "error"))
            {
                error = ReadError(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new Generation
        {
            Id = id!,
            Status = status,
            Model = model,
            ReservedCredits = reserved,
            FinalCredits = final,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Result = result,
            Error = error,
        };
    }

    /// <summary>The SDK reads tasks and never writes one (the fake server of Rivya.Sdk.Testing writes its own).</summary>
    public override void Write(Utf8JsonWriter writer, Generation value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The SDK does not write a task as JSON.");

    /// <summary>True when the reader is on the member <paramref name="name"/>, and then moves it onto the value.</summary>
    private static bool At(ref Utf8JsonReader reader, string name) => reader.ValueTextEquals(name) && reader.Read();

    /// <summary><c>{ "primary_url", "urls" }</c>; anything but an object reads as null.</summary>
    private static GenerationResult? ReadResult(ref Utf8JsonReader reader)
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
            if (At(ref reader, "primary_url"))
            {
                primaryUrl = TolerantRead.String(ref reader);
            }
            else if (At(ref reader, "urls"))
            {
                urls = TolerantRead.StringList(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new GenerationResult { PrimaryUrl = primaryUrl, Urls = urls };
    }

    /// <summary><c>{ "code", "message" }</c>; anything but an object reads as null.</summary>
    private static GenerationError? ReadError(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? code = null, message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (At(ref reader, "code"))
            {
                code = TolerantRead.String(ref reader);
            }
            else if (At(ref reader, "message"))
            {
                message = TolerantRead.String(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new GenerationError { Code = code, Message = message };
    }
}
