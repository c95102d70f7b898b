using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>One broken rule of a request, found before anything was sent.</summary>
public sealed record ValidationError
{
    /// <summary>Creates an error.</summary>
    /// <param name="path">Where in the request body, in wire names, e.g. <c>params.cfg_scale</c>.</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    public ValidationError(string path, string message)
    {
        Path = path;
        Message = message;
    }

    /// <summary>Where in the request body the rule was broken, in wire names: <c>prompt</c>, <c>params.duration</c>, <c>params.referenceMediaItems[1].kind</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong, including the allowed values or range.</summary>
    public string Message { get; }

    /// <summary><c>path: message</c>, with control characters (from a quoted value) escaped.</summary>
    public override string ToString() => SecretScrubber.EscapeControls($"{Path}: {Message}")!;
}
