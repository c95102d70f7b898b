namespace Rivya.Sdk.Testing;

/// <summary>
/// What a <see cref="FakeFault"/> does to the request it hits. The "after work" kinds let the request be handled first
/// (a create makes and charges its task, a poll advances it), so the client loses an answer to work that was done: the
/// faults that test whether a caller can recover a paid task.
/// </summary>
public enum FakeFaultKind
{
    /// <summary>Answers <see cref="FakeFault.Status"/> with an error body instead of handling the request (nothing changes).</summary>
    ErrorAnswer = 0,

    /// <summary>Handles the request, then answers <see cref="FakeFault.Status"/> with an error body instead of the real answer.</summary>
    ErrorAfterWork,

    /// <summary>Closes the connection without answering and without handling the request.</summary>
    AbortBeforeWork,

    /// <summary>Handles the request, then closes the connection without answering.</summary>
    AbortAfterWork,

    /// <summary>Handles the request, then sends its complete answer (status, headers, a matching length) with only the first half of its body.</summary>
    HalfJson,

    /// <summary>Handles the request, sends the status, the headers and half the body, then closes the connection mid-body.</summary>
    CutBody,

    /// <summary>Handles the request at once, but sends its normal answer only after <see cref="FakeFault.Delay"/> (wall clock): slower than a client's attempt timeout, the answer is lost although the work is done.</summary>
    Slow,
}
