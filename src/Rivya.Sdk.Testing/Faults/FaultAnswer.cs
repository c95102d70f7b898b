using System;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Faults;

/// <summary>Turns a fault into the answer the request gets, handling the request first when the fault says so.</summary>
internal static class FaultAnswer
{
    /// <param name="fault">The fault that struck.</param>
    /// <param name="handle">Handles the request for real (creates, charges, advances) and returns its normal answer.</param>
    /// <param name="stopping">Cancelled when the server is disposed: a delay then ends at once.</param>
    public static async Task<FakeResponse> AnswerAsync(FakeFault fault, Func<FakeResponse> handle, CancellationToken stopping)
    {
        // A slow answer is slow on the way back: the work is done on arrival, so what the server did never depends on
        // when the client gave up, and a test can count tasks as soon as its calls have returned.
        var slowAnswer = fault.Kind == FakeFaultKind.Slow ? handle() : null;
        if (fault.Delay is { } delay && delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The server is being disposed: answer at once rather than hold the connection.
            }
        }

        switch (fault.Kind)
        {
            case FakeFaultKind.ErrorAfterWork:
                handle();
                return FaultQueue.ToResponse(fault);
            case FakeFaultKind.AbortBeforeWork:
                // A body is needed: the connection is closed when the first byte of it would be written.
                return ConnectionFaults.Mark(FakeResponse.Json(200, "{}"u8.ToArray()), ConnectionFaults.Abort);
            case FakeFaultKind.AbortAfterWork:
                return ConnectionFaults.Mark(handle(), ConnectionFaults.Abort);
            case FakeFaultKind.CutBody:
                return ConnectionFaults.Mark(handle(), ConnectionFaults.Cut);
            case FakeFaultKind.HalfJson:
                var whole = handle();
                return new FakeResponse(whole.StatusCode, whole.Body.AsSpan(0, whole.Body.Length / 2).ToArray(), whole.ContentType);
            case FakeFaultKind.Slow:
                return slowAnswer!;
            default:
                return FaultQueue.ToResponse(fault);
        }
    }
}
