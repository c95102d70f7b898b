using System;
using System.Collections.Generic;

namespace Rivya.Sdk;

/// <summary>What a model accepts in <c>params.referenceMediaItems</c>, and what the Files API accepts for it.</summary>
public sealed class ReferenceRules
{
    // Arrays, not the IReadOnlyList views, are walked so that a check allocates no enumerator.
    private readonly MediaKind[] _kinds;
    private readonly string[] _mimeTypes;

    internal ReferenceRules(int maxItems, MediaKind[] kinds, string[] mimeTypes, long maxFileSizeBytes, bool secondImageIsLastFrame)
    {
        MaxItems = maxItems;
        _kinds = kinds;
        _mimeTypes = mimeTypes;
        MaxFileSizeBytes = maxFileSizeBytes;
        SecondImageIsLastFrame = secondImageIsLastFrame;
    }

    /// <summary>The most reference items one request may carry.</summary>
    public int MaxItems { get; }

    /// <summary>The kinds of reference the model accepts.</summary>
    public IReadOnlyList<MediaKind> AllowedKinds => _kinds;

    /// <summary>The MIME types accepted for a reference file.</summary>
    public IReadOnlyList<string> AllowedMimeTypes => _mimeTypes;

    /// <summary>The largest reference file accepted, in bytes.</summary>
    public long MaxFileSizeBytes { get; }

    /// <summary>True when a second image is used as the video's last frame (the first being its first frame).</summary>
    public bool SecondImageIsLastFrame { get; }

    /// <summary>Whether <paramref name="kind"/> is accepted.</summary>
    public bool IsAllowed(MediaKind kind)
    {
        foreach (var allowed in _kinds)
        {
            if (allowed == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="mimeType"/> is accepted (case-insensitive, parameters such as <c>;charset</c> ignored).</summary>
    public bool IsAllowedMimeType(string mimeType) => MimeTypes.IsOneOf(mimeType, _mimeTypes);
}
