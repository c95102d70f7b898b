namespace Rivya.Sdk;

/// <summary>How a model parameter is typed on Rivya's model pages.</summary>
public enum ModelParameterKind
{
    /// <summary>One of a fixed list of options, sent as a JSON string even when it looks like a number.</summary>
    Select,

    /// <summary>A JSON number within a documented range.</summary>
    Number,

    /// <summary>Free text.</summary>
    Text,
}
