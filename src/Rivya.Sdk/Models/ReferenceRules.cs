using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Rivya.Sdk;

/// <summary>What a model accepts in <c>params.referenceMediaItems</c>, and what the Files API accepts for it.</summary>
public sealed class ReferenceRules
{
    // Arrays, not the read-only views, are walked so that a check allocates no enumerator; callers get views they
    // cannot cast back to the arrays.
    private readonly MediaKind[] _kinds;
    private readonly string[] _mimeTypes;

    internal ReferenceRules(int maxItems, MediaKind[] kinds, string[] mimeTypes, long maxFileSizeBytes, bool secondImageIsLastFrame)
    {
        MaxItems = maxItems;
        _kinds = kinds;
        _mimeTypes = mimeTypes;
        AllowedKinds = new ReadOnlyCollection<MediaKind>(kinds);
        AllowedMimeTypes = new ReadOnlyCollection<string>(mimeTypes);
        MaxFileSizeBytes = maxFileSizeBytes;
        SecondImageIsLastFrame = secondImageIsLastFrame;
    }

    /// <summary>The most reference items one request may carry.</summary>
    public int MaxItems { get; }

    /// <summary>The kinds of reference the model accepts.</summary>
    public IReadOnlyList<MediaKind> AllowedKinds { get; }

    /// <summary>The MIME types accepted for a reference file.</summary>
    public IReadOnlyList<string> AllowedMimeTypes { get; }

    /// <summary>The largest reference file accepted, in bytes.</summary>
    public long MaxFileSizeBytes { get; }

    // A second image is the video's last frame. Internal: the typed record says it by name (WithFrames); the fake server reads it.
    internal bool SecondImageIsLastFrame { get; }

    /// <summary>Whether <paramref name="kind"/> is accepted.</summary>
    public bool IsAllowed(MediaKind kind) => Array.IndexOf(_kinds, kind) >= 0;

    /// <summary>Whether <paramref name="mimeType"/> is accepted (case-insensitive, parameters such as <c>;charset</c> ignored).</summary>
    public bool IsAllowedMimeType(string mimeType) => MimeTypes.IsOneOf(mimeType, _mimeTypes);
}
