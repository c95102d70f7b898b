namespace Rivya.Sdk.Testing;

/// <summary>The kinds of <see cref="MediaFault"/>.</summary>
public enum MediaFaultKind
{
    /// <summary>The connection closes mid-body.</summary>
    Cut,

    /// <summary>The body stops arriving; the connection stays open.</summary>
    Stall,

    /// <summary>An error status instead of the file.</summary>
    Status,

    /// <summary>The whole file with 200, whatever <c>Range</c> asked.</summary>
    IgnoreRange,
}
