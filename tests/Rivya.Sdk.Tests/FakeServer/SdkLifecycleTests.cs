using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.FakeServer;

/// <summary>
/// The SDK against the fake, end to end, where a whole lifecycle says more than stubs: create, poll, upload, pay,
/// fail, retry. Waits run on real time but with tiny intervals; no assertion depends on how long anything took.
/// </summary>
public sealed class SdkLifecycleTests : IAsyncLifetime, IDisposable
{
    private static readonly WaitOptions Fast = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(10),
        PollInterval = TimeSpan.FromMilliseconds(10),
        MaxPollInterval = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromMinutes(2),
    };

    private FakeRivyaServer _fake = null!;
    private RivyaClient _client = null!;

    public Task InitializeAsync()
    {
        _fake = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 2, InitialBalance = 1000 });
        _client = new RivyaClient(new RivyaClientOptions { ApiKey = _fake.ApiKey, BaseAddress = _fake.BaseAddress });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Dispose();
        await _fake.DisposeAsync();
    }

    public void Dispose() => _client?.Dispose();

    [Fact]
    public async Task Create_and_wait_ends_succeeded_with_a_result_and_the_base_credits_charged_once()
    {
        var progress = new RecordingProgress();

        var done = await _client.Generations.CreateAndWaitAsync(
            new GenerationRequest { Prompt = "A lighthouse at dusk", Params = new Kling30Params { Duration = 8, Sound = true } },
            Fast with { Progress = progress });

        done.Status.Should().Be(GenerationStatus.Succeeded);
        done.Result!.PrimaryUrl.Should().NotBeNullOrEmpty();
        done.FinalCredits.Should().Be(ModelCatalog.Kling30.BaseCredits);
        progress.Statuses.Should().Equal(GenerationStatus.Queued, GenerationStatus.Processing, GenerationStatus.Succeeded);
        (await _client.Credits.GetBalanceAsync().Bound()).CurrentCredits.Should().Be(1000 - ModelCatalog.Kling30.BaseCredits);
    }

    [Fact]
    public async Task Uploaded_reference_image_is_accepted_as_an_image_to_video_reference()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

        var file = await _client.Files.UploadAsync(FileUpload.FromBytes(png, "/home/me/private/cat.png", MediaKind.Image) with { Model = "kling-3-0" }).Bound();
        var done = await _client.Generations.CreateAndWaitAsync(
            new GenerationRequest { Prompt = "The cat walks away", Params = new Kling30Params { ReferenceMediaItems = [file.ToReferenceMediaItem()] } },
            Fast);

        file.MimeType.Should().Be("image/png");
        file.Name.Should().Be("cat.png");
        _fake.Requests.Single(r => r.Path == "/api/v1/files").BodyText.Should().NotContain("/home/me/private");
        done.Status.Should().Be(GenerationStatus.Succeeded);
    }

    [Fact]
    public async Task A_create_retried_after_a_503_makes_one_task_and_one_charge()
    {
        _fake.InjectFaults(1, HttpStatusCode.ServiceUnavailable);
        using var client = new RivyaClient(new RivyaClientOptions
        {
            ApiKey = _fake.ApiKey,
            BaseAddress = _fake.BaseAddress,
            JitterSource = () => 0, // the shortest backoff (0.8 s of real time) keeps this test quick
        });

        var created = await client.Generations.CreateAsync(new GenerationRequest { Prompt = "p", Params = new Kling26Params() }).Bound();

        var creates = _fake.Requests.Where(r => r.Path == "/api/v1/generations").ToList();
        creates.Should().HaveCount(2);
        creates.Select(r => r.IdempotencyKey).Distinct().Should().ContainSingle().Which.Should().NotBeNullOrEmpty();
        _fake.GenerationCount.Should().Be(1);
        _fake.Balance.Should().Be(1000 - ModelCatalog.Kling26.BaseCredits);
        created.Status.Should().Be(GenerationStatus.Queued);
    }

    [Fact]
    public async Task Repeating_a_create_with_the_same_idempotency_key_reaches_the_same_task_without_a_second_charge()
    {
        var request = new GenerationRequest { Prompt = "p", Params = new KlingV25TurboProParams { CfgScale = 0.7 } };
        var options = new RequestOptions { IdempotencyKey = "order-123" };

        var first = await _client.Generations.CreateAsync(request, options).Bound();
        var second = await _client.Generations.CreateAsync(request, options).Bound();
        var conflict = () => _client.Generations.CreateAsync(request with { Prompt = "another" }, options);

        second.Id.Should().Be(first.Id);
        _fake.Balance.Should().Be(1000 - ModelCatalog.KlingV25TurboPro.BaseCredits);
        await conflict.Should().ThrowAsync<RivyaIdempotencyConflictException>();
    }

    [Fact]
    public async Task A_failed_generation_throws_with_the_servers_error()
    {
        _fake.FailNextGeneration("generation_failed", "Out of GPUs");

        var wait = () => _client.Generations.CreateAndWaitAsync(new GenerationRequest { Prompt = "p", Params = new KlingV21MasterParams() }, Fast);

        var failure = (await wait.Should().ThrowAsync<RivyaGenerationFailedException>()).Which;
        failure.Generation.Error!.Code.Should().Be("generation_failed");
        failure.Generation.Error.Message.Should().Be("Out of GPUs");
    }

    [Fact]
    public async Task Too_few_credits_is_a_typed_error_and_nothing_is_charged()
    {
        _fake.SetBalance(10);

        var create = () => _client.Generations.CreateAsync(new GenerationRequest { Prompt = "p", Params = new Kling30Params() });

        (await create.Should().ThrowAsync<RivyaInsufficientCreditsException>()).Which.ErrorCode.Should().Be("insufficient_credits");
        _fake.Balance.Should().Be(10);
        _fake.GenerationCount.Should().Be(0);
    }

    [Fact]
    public async Task The_sdk_reads_the_fakes_model_catalogue_without_a_key()
    {
        using var anonymous = new RivyaClient(new RivyaClientOptions { ApiKey = null, BaseAddress = _fake.BaseAddress });

        var models = await anonymous.Models.ListAsync().Bound();

        models.Select(m => m.Id).Should().BeEquivalentTo(ModelCatalog.All.Select(m => m.Id));
        models.Should().OnlyContain(m => m.BaseCredits == ModelCatalog.Find(m.Id)!.BaseCredits);
    }

    private sealed class RecordingProgress : IProgress<Generation>
    {
        private readonly object _gate = new();
        private readonly System.Collections.Generic.List<GenerationStatus> _statuses = [];

        public System.Collections.Generic.IReadOnlyList<GenerationStatus> Statuses
        {
            get
            {
                lock (_gate)
                {
                    return _statuses.ToList();
                }
            }
        }

        public void Report(Generation value)
        {
            lock (_gate)
            {
                _statuses.Add(value.Status);
            }
        }
    }
}
