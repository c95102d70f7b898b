// FakeRivyaServer in its own process: prints its base address (line 1) and its fake key (line 2), then serves until
// SIGTERM or SIGINT (Ctrl+C). stdin is not read, so it can run in the background of a script or a test.
// Besides Rivya's API it answers GET /_fake/ledger (no key): the tasks made, charges and creates, as JSON.
using Rivya.Sdk.Testing;

var parsed = HostArguments.Parse(args, out var error);
if (parsed is null)
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(HostArguments.Usage);
    return 2;
}

var options = new FakeRivyaServerOptions
{
    Port = parsed.Port,
    ApiKey = parsed.ApiKey,
    ProcessingTime = parsed.ProcessingTime,
    // One poll is enough once the processing time has passed: the time, not the client's poll count, sets the pace.
    PollsUntilSucceeded = 1,
    DistinctResults = true,
    // Large enough that a long batch never runs out; a test that wants insufficient_credits uses FakeRivyaServer in-process.
    InitialBalance = 1_000_000m,
};

using var stop = new CancellationTokenSource();
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Stop);
using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Stop);

await using var fake = FakeRivyaServer.Start(options);
if (parsed.FaultRate > 0)
{
    fake.InjectRandomFaults(parsed.FaultRate, parsed.Seed);
}

Console.Out.WriteLine(fake.BaseAddress.AbsoluteUri);
Console.Out.WriteLine("api-key: " + fake.ApiKey);
Console.Out.Flush();

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
    // Stopped by a signal.
}

return 0;

void Stop(System.Runtime.InteropServices.PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
