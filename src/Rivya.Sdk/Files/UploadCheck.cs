namespace Rivya.Sdk;

/// <summary>What the checks before sending settled: the type to declare, and the size limit to hold while streaming.</summary>
internal sealed class UploadCheck
{
    public UploadCheck(string contentType, long maxBytes, string limitText)
    {
        ContentType = contentType;
        MaxBytes = maxBytes;
        LimitText = limitText;
    }

    /// <summary>The <c>file</c> part's Content-Type.</summary>
    public string ContentType { get; }

    /// <summary>The largest file allowed, in bytes (<see cref="long.MaxValue"/> when nothing limits it).</summary>
    public long MaxBytes { get; }

    /// <summary>Says which limit <see cref="MaxBytes"/> is, for error messages: "image files may be at most 10 MB ...".</summary>
    public string LimitText { get; }
}
