using System;
using System.Text;

namespace Rivya.Sdk.Testing.Files;

/// <summary>One part of a <c>multipart/form-data</c> body: its form field name, file name, content type and bytes.</summary>
internal sealed class MultipartSection
{
    public MultipartSection(string name, string? fileName, string? contentType, ReadOnlyMemory<byte> content)
    {
        Name = name;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string Name { get; }

    public string? FileName { get; }

    public string? ContentType { get; }

    public ReadOnlyMemory<byte> Content { get; }

    public string Text => Encoding.UTF8.GetString(Content.Span);
}
