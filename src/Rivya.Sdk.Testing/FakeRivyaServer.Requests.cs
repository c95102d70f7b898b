using System.Collections.Generic;

namespace Rivya.Sdk.Testing;

// The request log: what the code under test sent to the API (the result host keeps its own: MediaRequests).
public sealed partial class FakeRivyaServer
{
    /// <summary>
    /// The requests received so far, oldest first: a snapshot, safe to enumerate while requests keep arriving. Each
    /// one's <c>Authorization</c> header is redacted.
    /// </summary>
    public IReadOnlyList<FakeRequest> Requests => _log.Snapshot();

    /// <summary>Forgets the requests received so far.</summary>
    public void ClearRequests() => _log.Clear();
}
