using Rivya.Sdk;
using Rivya.Sdk.Testing;

// Everything here goes through the packages' public surface only.
await using var fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 1 });
using var client = new RivyaClient(new RivyaClientOptions { ApiKey = fake.ApiKey, BaseAddress = fake.BaseAddress });

var done = await client.Generations.CreateAndWaitAsync(
    new GenerationRequest { Prompt = "A paper boat on a pond", Params = new Kling26Params { Duration = 5, Sound = true } },
    new WaitOptions { InitialDelay = TimeSpan.FromMilliseconds(50), PollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(50) });

if (done.Status != GenerationStatus.Succeeded || done.Result?.PrimaryUrl is null)
{
    Console.Error.WriteLine($"package consumer: unexpected end state {done.Status}");
    return 1;
}

Console.WriteLine($"package consumer: {done.Id} {done.Status} {done.Result.PrimaryUrl}");
return 0;
