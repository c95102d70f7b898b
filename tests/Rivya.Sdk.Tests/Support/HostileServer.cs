using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Tests.Support;

/// <summary>One request as it arrived on the socket: the head exactly as sent, and the body its framing announced.</summary>
public sealed record RawRequest(string Head, byte[] Body)
{
    private static readonly Regex HeaderLine = new(@"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+: [\x20-\x7E\t]*$", RegexOptions.CultureInvariant);

    public string RequestLine => Lines[0];

    /// <summary>The header lines, in order, without the request line and the blank line that ends the head.</summary>
    public IReadOnlyList<string> HeaderLines => Lines.Skip(1).ToList();

    public string Method => RequestLine.Split(' ')[0];

    public string Target => RequestLine.Split(' ')[1];

    private string[] Lines => Head.Split("\r\n", StringSplitOptions.None).TakeWhile(l => l.Length > 0).ToArray();

    /// <summary>Every value of header <paramref name="name"/>, as sent.</summary>
    public IReadOnlyList<string> Values(string name) =>
        HeaderLines.Where(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)).Select(l => l[(name.Length + 1)..].Trim()).ToList();

    /// <summary>Null when the request line and every header line are well-formed HTTP/1.1 (printable ASCII only), else the first bad line.</summary>
    public string? Malformed()
    {
        if (!Regex.IsMatch(RequestLine, @"^[A-Z]+ /[\x21-\x7E]* HTTP/1\.1$"))
        {
            return RequestLine;
        }

        return HeaderLines.FirstOrDefault(l => !HeaderLine.IsMatch(l));
    }
}

/// <summary>
/// A bare HTTP/1.1 server on a loopback <see cref="TcpListener"/> that behaves however a test scripts it (endless
/// bodies, gzip bombs, redirects, raw header bytes), and keeps every byte it received so a test can assert exactly
/// what reached the wire: how many connections, how many requests, and each request's head and body. Requests are
/// read on kept-alive connections too, so a smuggled second request would be seen.
/// </summary>
public sealed class HostileServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<RawRequest, Stream, CancellationToken, Task> _answer;
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly X509Certificate2? _certificate;
    private int _connections;

    /// <param name="answer">Writes the raw answer to one request (status line, headers, body) on the connection's stream.</param>
    /// <param name="certificate">Speak TLS with this certificate (an https server); null for plain http.</param>
    public HostileServer(Func<RawRequest, Stream, CancellationToken, Task> answer, X509Certificate2? certificate = null)
    {
        _answer = answer;
        _certificate = certificate;
        _listener.Start();
        BaseAddress = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptLoopAsync();
    }

    public Uri BaseAddress { get; }

    public IReadOnlyList<RawRequest> Requests => _requests.ToArray();

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A server that answers every request with <paramref name="head"/> (status line and header lines, CRLF-separated, no blank line) and <paramref name="body"/>.</summary>
    public static HostileServer Answering(string head, string body = "") =>
        new((_, stream, ct) => WriteAsync(stream, head, Encoding.UTF8.GetBytes(body), ct));

    /// <summary>A server that answers every request with a 200 and <paramref name="json"/>.</summary>
    public static HostileServer Json(string json) => Answering("HTTP/1.1 200 OK\r\nContent-Type: application/json", json);

    /// <summary>Writes <paramref name="head"/>, a Content-Length for <paramref name="body"/>, the blank line and the body.</summary>
    public static async Task WriteAsync(Stream stream, string head, byte[] body, CancellationToken cancellationToken)
    {
        var bytes = Encoding.Latin1.GetBytes(head + "\r\nContent-Length: " + body.Length + "\r\n\r\n");
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(_certificate);
                    stream = tls;
                }

                var pending = new List<byte>();
                while (await ReadRequestAsync(stream, pending) is { } request)
                {
                    _requests.Enqueue(request);
                    await _answer(request, stream, _stop.Token);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException or IOException or AuthenticationException)
            {
                // The test is over, or the client hung up (as it should, mid-way through an endless body).
            }
        }
    }

    private async Task<RawRequest?> ReadRequestAsync(Stream stream, List<byte> pending)
    {
        int headEnd;
        while ((headEnd = IndexOf(pending, "\r\n\r\n"u8.ToArray())) < 0)
        {
            if (!await FillAsync(stream, pending))
            {
                return null;
            }
        }

        var head = Encoding.Latin1.GetString(pending.GetRange(0, headEnd + 4).ToArray());
        pending.RemoveRange(0, headEnd + 4);
        var request = new RawRequest(head, []);
        byte[] body;
        if (request.Values("Transfer-Encoding").Any(v => v.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
        {
            body = await ReadChunkedAsync(stream, pending);
        }
        else
        {
            var length = request.Values("Content-Length").Select(int.Parse).FirstOrDefault();
            while (pending.Count < length)
            {
                if (!await FillAsync(stream, pending))
                {
                    throw new IOException("The client closed the connection mid-body.");
                }
            }

            body = pending.GetRange(0, length).ToArray();
            pending.RemoveRange(0, length);
        }

        return request with { Body = body };
    }

    private async Task<byte[]> ReadChunkedAsync(Stream stream, List<byte> pending)
    {
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(pending, "\r\n"u8.ToArray())) < 0)
            {
                if (!await FillAsync(stream, pending))
                {
                    throw new IOException("The client closed the connection mid-body.");
                }
            }

            var size = Convert.ToInt32(Encoding.ASCII.GetString(pending.GetRange(0, lineEnd).ToArray()).Split(';')[0], 16);
            pending.RemoveRange(0, lineEnd + 2);
            while (pending.Count < size + 2)
            {
                if (!await FillAsync(stream, pending))
                {
                    throw new IOException("The client closed the connection mid-body.");
                }
            }

            body.AddRange(pending.GetRange(0, size));
            pending.RemoveRange(0, size + 2);
            if (size == 0)
            {
                return body.ToArray();
            }
        }
    }

    private async Task<bool> FillAsync(Stream stream, List<byte> pending)
    {
        var buffer = new byte[16 * 1024];
        var read = await stream.ReadAsync(buffer, _stop.Token);
        pending.AddRange(buffer.AsSpan(0, read).ToArray());
        return read > 0;
    }

    private static int IndexOf(List<byte> data, byte[] pattern)
    {
        for (var i = 0; i <= data.Count - pattern.Length; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++)
            {
                match = data[i + j] == pattern[j];
            }

            if (match)
            {
                return i;
            }
        }

        return -1;
    }
}
