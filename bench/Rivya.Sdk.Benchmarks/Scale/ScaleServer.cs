using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Benchmarks.Scale;

/// <summary>
/// The scale run's server, in a process of its own (so its work and allocations are not the client's): HTTP/1.1
/// keep-alive on loopback. <c>GET /api/v1/generations/{id}</c> answers <c>processing</c> until the id's
/// <see cref="PollsPerWait"/>th poll, which answers <c>succeeded</c>. <c>GET /stats</c> answers how many TCP
/// connections were accepted. Prints <c>READY port</c> once listening.
/// </summary>
public static class ScaleServer
{
    public const int PollsPerWait = 5;

    private static readonly ConcurrentDictionary<string, int> Polls = new(StringComparer.Ordinal);
    private static int _connections;

    public static int Run()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 4096);
        Console.WriteLine("READY " + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
        while (true)
        {
            var socket = listener.AcceptSocket();
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private static async Task ServeAsync(Socket socket)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var buffer = new byte[8192];
        var filled = 0;
        try
        {
            while (true)
            {
                var end = IndexOfHeaderEnd(buffer, filled);
                while (end < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled));
                    if (read == 0)
                    {
                        return;
                    }

                    filled += read;
                    end = IndexOfHeaderEnd(buffer, filled);
                }

                var head = Encoding.ASCII.GetString(buffer, 0, end);
                var path = head.Split(' ', 3)[1];
                var body = Answer(path);
                var response = Encoding.ASCII.GetBytes(FormattableString.Invariant($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"));
                await stream.WriteAsync(response);
                await stream.WriteAsync(body);
                Array.Copy(buffer, end + 4, buffer, 0, filled - end - 4);
                filled -= end + 4;
            }
        }
        catch (IOException)
        {
        }
    }

    private static byte[] Answer(string path)
    {
        if (path == "/stats")
        {
            return Encoding.ASCII.GetBytes("{\"connections\":" + Volatile.Read(ref _connections).ToString(CultureInfo.InvariantCulture) + "}");
        }

        var id = path[(path.LastIndexOf('/') + 1)..];
        var polls = Polls.AddOrUpdate(id, 1, static (_, n) => n + 1);
        var done = polls >= PollsPerWait;
        return Encoding.ASCII.GetBytes(
            "{\"id\":\"" + id + "\",\"status\":\"" + (done ? "succeeded" : "processing") + "\",\"model\":\"kling-3-0\",\"reserved_credits\":90,\"final_credits\":"
            + (done ? "90" : "0") + ",\"created_at\":\"2026-05-10T00:00:00.000Z\",\"updated_at\":\"2026-05-10T00:01:00.000Z\","
            + (done ? "\"result\":{\"primary_url\":\"https://media.example/r.mp4\",\"urls\":[\"https://media.example/r.mp4\"]}" : "\"result\":null")
            + ",\"error\":null}");
    }

    private static int IndexOfHeaderEnd(byte[] buffer, int filled) =>
        buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8);
}
