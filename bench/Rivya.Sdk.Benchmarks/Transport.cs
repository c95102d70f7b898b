namespace Rivya.Sdk.Benchmarks;

/// <summary>What the clients' HttpClients talk to.</summary>
public enum Transport
{
    /// <summary>The loopback HTTP/1.1 server over real sockets: the comparison the product's bar is about.</summary>
    Loopback,

    /// <summary>
    /// An in-process handler answering at once (<see cref="Clients.InMemoryHandler"/>): no sockets, so the time is
    /// each client's own CPU cost and nearly free of the loopback's scheduling noise.
    /// </summary>
    InMemory,
}
