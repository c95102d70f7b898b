using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Rivya.Sdk.Benchmarks.Server;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// The floor under every client: one GET written to a raw blocking socket and its pre-sized answer read back, with
/// no HTTP client at all. Its time is the loopback round trip plus the server's work; its allocations are the
/// server's alone (a blocking socket read into a reused array allocates nothing), which should be zero.
/// </summary>
[Config(typeof(BenchConfig))]
[SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes.")]
public class LoopbackFloorBenchmarks
{
    private LoopbackServer _server = null!;
    private Socket _socket = null!;
    private byte[] _request = null!;
    private byte[] _response = null!;
    private int _responseLength;

    [GlobalSetup]
    public void Setup()
    {
        var responses = ServerResponses.FromFixtures();
        _server = LoopbackServer.Start(responses);
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _socket.Connect(_server.EndPoint);
        _request = Encoding.ASCII.GetBytes($"GET /api/v1/generations/{ClientsUnderTest.GenerationId} HTTP/1.1\r\nHost: {_server.BaseAddress.Authority}\r\n\r\n");
        _responseLength = responses.Succeeded.Length;
        _response = new byte[_responseLength];
        if (RawGet() != _responseLength || !_response.AsSpan().SequenceEqual(responses.Succeeded.Span))
        {
            throw new InvalidOperationException("The raw GET did not read the documented answer.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _socket.Dispose();
        _server.Dispose();
    }

    [Benchmark(Description = "RawSocketGet")]
    public int RawGet()
    {
        _socket.Send(_request);
        var read = 0;
        while (read < _responseLength)
        {
            var n = _socket.Receive(_response, read, _responseLength - read, SocketFlags.None);
            if (n == 0)
            {
                throw new InvalidOperationException("The server closed the connection.");
            }

            read += n;
        }

        return read;
    }
}
