using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Rivya.Sdk.Serialization;

/// <summary>
/// Writes each set parameter in Rivya's documented wire form: select values as JSON strings (<c>"5"</c>,
/// <c>"false"</c>), numbers as numbers, unset properties left out so the server default applies.
/// </summary>
internal readonly struct WritingVisitor : IParameterVisitor
{
    private readonly Utf8JsonWriter _writer;

    public WritingVisitor(Utf8JsonWriter writer) => _writer = writer;

    public void Select(ModelParameter parameter, string? value)
    {
        if (value is null)
        {
            return;
        }

        // A known option is sent in its documented spelling even if the caller wrote "PRO" for "pro".
        var index = parameter.IndexOfOption(value);
        _writer.WriteString(parameter.EncodedKey, index >= 0 ? parameter.Option(index) : value);
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
            _writer.WriteString(parameter.EncodedKey, parameter.Option(index));
            return;
        }

        // Only reached when validation was skipped: format without allocating a string.
        Span<byte> utf8 = stackalloc byte[11];
        Utf8Formatter.TryFormat(number, utf8, out var written);
        _writer.WriteString(parameter.EncodedKey, utf8.Slice(0, written));
    }

    public void Select(ModelParameter parameter, bool? value)
    {
        if (value is { } flag)
        {
            _writer.WriteString(parameter.EncodedKey, flag ? "true" : "false");
        }
    }

    public void Number(ModelParameter parameter, double? value)
    {
        if (value is { } number)
        {
            _writer.WriteNumber(parameter.EncodedKey, number);
        }
    }

    public void Text(ModelParameter parameter, string? value)
    {
        if (value is not null)
        {
            _writer.WriteString(parameter.EncodedKey, value);
        }
    }
}
