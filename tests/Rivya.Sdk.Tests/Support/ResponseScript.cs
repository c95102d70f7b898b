using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Rivya.Sdk.Tests.Support;

/// <summary>One answer of a <see cref="ResponseScript"/>: a status, headers and a body, or a hang.</summary>
public sealed record ScriptStep(int StatusCode, string? Body, IReadOnlyList<(string Name, string Value)> Headers, bool Hangs = false)
{
    public static ScriptStep Json(int statusCode, string body, params (string Name, string Value)[] headers) =>
        new(statusCode, body, [("Content-Type", "application/json"), .. headers]);

    public static ScriptStep Error(int statusCode, string code, string requestId, params (string Name, string Value)[] headers) =>
        Json(statusCode, ErrorBodies.Json(code, "scripted " + code, requestId), headers);

    public static ScriptStep Text(int statusCode, string? body, string contentType = "text/plain") =>
        new(statusCode, body, body is null ? [] : [("Content-Type", contentType)]);

    /// <summary>Never answers (until the script is disposed): the SDK's attempt timeout or the caller's token must end it.</summary>
    public static ScriptStep Hang() => new(0, null, [], Hangs: true);
}

/// <summary>
/// Answers successive requests with successive steps (the last one repeats), and reports each request the moment it
/// arrives, before any answer: a test can wait for "the server has the request" and only then move the fake clock.
/// A hanging step waits until <see cref="Dispose"/>; no test ever waits for it in real time.
/// </summary>
public sealed class ResponseScript : IDisposable
{
    private static readonly TimeSpan SafetyLimit = TimeSpan.FromSeconds(15);
    private readonly ScriptStep[] _steps;
    private readonly CancellationTokenSource _release = new();
    private readonly ConcurrentQueue<IRequestMessage> _received = new();
    private readonly Channel<IRequestMessage> _arrivals = Channel.CreateUnbounded<IRequestMessage>();
    private int _count;

    private ResponseScript(ScriptStep[] steps)
    {
        if (steps.Length == 0)
        {
            throw new ArgumentException("A script needs at least one step.", nameof(steps));
        }

        _steps = steps;
    }

    /// <summary>Requests received so far, counted on arrival (a hanging request counts too).</summary>
    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<IRequestMessage> Requests => _received.ToArray();

    public static ResponseScript On(WireMockServer server, IRequestBuilder request, params ScriptStep[] steps)
    {
        var script = new ResponseScript(steps);
        server.Given(request).RespondWith(Response.Create().WithCallback(script.RespondAsync));
        return script;
    }

    /// <summary>The next request to arrive (fails after a real-time safety limit, so a broken test cannot hang).</summary>
    public async Task<IRequestMessage> NextRequestAsync()
    {
        using var safety = new CancellationTokenSource(SafetyLimit);
        try
        {
            return await _arrivals.Reader.ReadAsync(safety.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No request arrived within {SafetyLimit.TotalSeconds} s of real time; {Count} so far.");
        }
    }

    public void Dispose()
    {
        _release.Cancel();
        _release.Dispose();
    }

    private async Task<IResponseMessage> RespondAsync(IRequestMessage request)
    {
        _received.Enqueue(request);
        var index = Interlocked.Increment(ref _count) - 1;
        _arrivals.Writer.TryWrite(request);
        var step = _steps[Math.Min(index, _steps.Length - 1)];
        if (step.Hangs)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, _release.Token);
            }
            catch (OperationCanceledException)
            {
                // Released at dispose: the client has long gone.
            }

            return Build(ScriptStep.Text(503, "released"));
        }

        return Build(step);
    }

    private static ResponseMessage Build(ScriptStep step)
    {
        var message = new ResponseMessage { StatusCode = step.StatusCode };
        foreach (var (name, value) in step.Headers)
        {
            message.AddHeader(name, value);
        }

        if (step.Body is not null)
        {
            message.BodyData = new BodyData { BodyAsString = step.Body, Encoding = Encoding.UTF8, DetectedBodyType = BodyType.String };
        }

        return message;
    }
}
