namespace Rivya.Sdk;

/// <summary>What the checks before sending settled: the type to declare, and the size limit to hold while streaming.</summary>
internal sealed class UploadCheck
{
    private readonly MediaKind _kind;
    private readonly ModelDefinition? _model;
    private readonly bool _checked;

    public UploadCheck(string contentType, long maxBytes, MediaKind kind, ModelDefinition? model)
        : this(contentType, maxBytes, kind, model, isChecked: true)
    {
    }

    private UploadCheck(string contentType, long maxBytes, MediaKind kind, ModelDefinition? model, bool isChecked)
    {
        ContentType = contentType;
        MaxBytes = maxBytes;
        _kind = kind;
        _model = model;
        _checked = isChecked;
    }

    /// <summary>The <c>file</c> part's Content-Type.</summary>
    public string ContentType { get; }

    /// <summary>The largest file allowed, in bytes (<see cref="long.MaxValue"/> when nothing limits it).</summary>
    public long MaxBytes { get; }

    /// <summary>Says which limit <see cref="MaxBytes"/> is, for error messages: "image files may be at most 10 MB ...".</summary>
    /// <remarks>Worded when asked, not when the checks pass: an upload within its limit formats nothing.</remarks>
    public string LimitText => _checked ? FileUploadValidator.LimitText(_kind, _model) : "no limit is checked (SkipValidation)";

    /// <summary>With <see cref="RequestOptions.SkipValidation"/>: no limit is held.</summary>
    public static UploadCheck Unlimited(string contentType) => new(contentType, long.MaxValue, default, null, isChecked: false);
}
