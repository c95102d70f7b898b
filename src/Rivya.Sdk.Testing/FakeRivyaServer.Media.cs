using System;
using System.Collections.Generic;

namespace Rivya.Sdk.Testing;

// The result host (a CDN-like second origin for downloads): its address, what it served, its content and its faults.
public sealed partial class FakeRivyaServer
{
    /// <summary>
    /// The result host's address: a succeeded task's <c>result.urls</c> point here (<c>/results/{taskId}.mp4</c>), on
    /// another loopback port than <see cref="BaseAddress"/>, as a CDN is another origin than the API. It serves
    /// <c>Content-Length</c>, a strong <c>ETag</c>, <c>Range</c> and <c>If-Range</c>, and the faults of <see cref="InjectMediaFaults"/>.
    /// </summary>
    public Uri MediaBaseAddress => _media.BaseAddress;

    /// <summary>The download requests the result host received, oldest first (a snapshot; <c>Authorization</c> redacted, <c>HasValidApiKey</c> says if the key came).</summary>
    public IReadOnlyList<FakeRequest> MediaRequests => _media.Requests;

    /// <summary>How many body bytes the result host has sent (partial answers and cut ones included).</summary>
    public long MediaBytesServed => _media.BytesServed;

    /// <summary>Sets the bytes every succeeded task's result serves (default: a 24-byte MP4 header), with a new <c>ETag</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    public void SetResultMedia(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _media.SetContent(content);
    }

    /// <summary>Makes the next download requests answer <paramref name="faults"/>, one each, in order (after any queued before).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="faults"/> or one of them is null.</exception>
    public void InjectMediaFaults(params MediaFault[] faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        foreach (var fault in faults)
        {
            _media.Enqueue(fault ?? throw new ArgumentNullException(nameof(faults)));
        }
    }

    /// <summary>Forgets the download requests recorded so far, the byte count, and the media faults not yet answered.</summary>
    public void ClearMedia()
    {
        _media.ClearFaults();
        _media.ClearRequests();
    }
}
