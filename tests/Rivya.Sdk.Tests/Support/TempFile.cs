using System;
using System.IO;

namespace Rivya.Sdk.Tests.Support;

/// <summary>A file in a fresh temporary directory, both deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string directory, string path)
    {
        Directory = directory;
        Path = path;
    }

    /// <summary>The directory that must never reach the wire.</summary>
    public string Directory { get; }

    public string Path { get; }

    public static TempFile Create(string name, byte[] content)
    {
        var file = CreateEmpty(name);
        File.WriteAllBytes(file.Path, content);
        return file;
    }

    /// <summary>A file of <paramref name="length"/> bytes starting with <paramref name="head"/> (the rest sparse zeros).</summary>
    public static TempFile CreateSized(string name, byte[] head, long length)
    {
        var file = CreateEmpty(name);
        using var stream = new FileStream(file.Path, FileMode.CreateNew);
        stream.Write(head, 0, head.Length);
        stream.SetLength(length);
        return file;
    }

    private static TempFile CreateEmpty(string name)
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rivya-upload-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new TempFile(directory, System.IO.Path.Combine(directory, name));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed mid-upload may still hold the file; the OS temp cleaner gets it.
        }
    }
}
