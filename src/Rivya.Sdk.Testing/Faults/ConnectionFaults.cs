using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Faults;

/// <summary>
/// The faults WireMock cannot express: a connection closed before the answer, or mid-body. The fake marks such an answer
/// with a private header; a middleware in front of WireMock strips it and, at the first byte of the body, closes the
/// connection at once (<see cref="Abort"/>) or sends half the body under a <c>Content-Length</c> of the whole, which
/// makes Kestrel close the connection after the half (<see cref="Cut"/>).
/// </summary>
internal static class ConnectionFaults
{
    public const string Abort = "abort";
    public const string Cut = "cut";

    private const string MarkerHeader = "X-FakeRivya-Connection-Fault";

    public static FakeResponse Mark(FakeResponse response, string fault) => response.WithHeader(MarkerHeader, fault);

    /// <summary>Registers the middleware (WireMock hands over its <see cref="IApplicationBuilder"/> as an object).</summary>
    public static void Install(object app) =>
        ((IApplicationBuilder)app).Use(static next => context => RunAsync(context, next));

    private static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Response.Body;
        using var cutting = new CuttingStream(original, context);
        context.Response.Body = cutting;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (!cutting.Acted && TakeMarker(context) is not null)
        {
            // The answer had no body to cut: close the connection anyway.
            context.Abort();
        }
    }

    private static string? TakeMarker(HttpContext context)
    {
        if (context.Response.HasStarted || !context.Response.Headers.TryGetValue(MarkerHeader, out var value))
        {
            return null;
        }

        context.Response.Headers.Remove(MarkerHeader);
        return value.ToString();
    }

    /// <summary>The response body, acting on the marker at the first write, before any byte (or header) has left.</summary>
    private sealed class CuttingStream(Stream inner, HttpContext context) : Stream
    {
        private bool _closed;

        public bool Acted { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_closed)
            {
                return;
            }

            if (!Acted && TakeMarker(context) is { } fault)
            {
                Acted = true;
                _closed = true;
                if (fault == Cut && buffer.Length > 1)
                {
                    // The whole length is promised and half is sent: Kestrel then ends the connection after the half
                    // (gracefully, so the client reads the headers and the half before the body breaks off). An abort
                    // here would reset the connection and could discard what was sent.
                    context.Response.ContentLength = buffer.Length;
                    await inner.WriteAsync(buffer[..(buffer.Length / 2)], cancellationToken).ConfigureAwait(false);
                    await inner.FlushAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                context.Abort();
                return;
            }

            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => _closed ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
