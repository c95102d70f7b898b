using System;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NSubstitute;
using Xunit;

namespace Rivya.Sdk.Tests.Mocking;

/// <summary>A service that takes <see cref="RivyaClient"/> can be given a mock, and a mock's unset members say so.</summary>
public sealed class MockingTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task NSubstitute_mocks_the_client_and_its_sub_clients()
    {
        var generations = Substitute.For<GenerationsClient>();
        generations.CreateAndWaitAsync(Arg.Any<GenerationRequest>(), Arg.Any<CancellationToken>())
            .Returns(RivyaModelFactory.Generation(id: "gen_1", status: GenerationStatus.Succeeded, primaryUrl: "https://cdn.example/v.mp4"));
        var credits = Substitute.For<CreditsClient>();
        credits.GetBalanceAsync(Arg.Any<CancellationToken>()).Returns(RivyaModelFactory.CreditBalance(42));
        var rivya = Substitute.For<RivyaClient>();
        rivya.Generations.Returns(generations);
        rivya.Credits.Returns(credits);

        var done = await rivya.Generations.CreateAndWaitAsync(TestRequest(), CancellationToken.None).WaitAsync(Bound);
        var balance = await rivya.Credits.GetBalanceAsync().WaitAsync(Bound);

        done.Id.Should().Be("gen_1");
        done.PrimaryUrl.Should().Be("https://cdn.example/v.mp4");
        balance.CurrentCredits.Should().Be(42);
        await generations.Received(1).CreateAndWaitAsync(Arg.Is<GenerationRequest>(r => r.Prompt == "A fox"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public void Every_sub_client_property_of_a_mocking_only_client_throws_NotSupportedException_naming_it()
    {
        var client = new MockingOnlyClient();

        foreach (var (name, read) in new (string, Func<object>)[]
        {
            ("Generations", () => client.Generations),
            ("Files", () => client.Files),
            ("Credits", () => client.Credits),
            ("Models", () => client.Models),
        })
        {
            read.Should().Throw<NotSupportedException>().WithMessage($"MockingOnlyClient.{name} is not set up*protected constructor for mocking*");
        }
    }

    [Fact]
    public async Task Every_member_of_a_mocking_only_sub_client_that_is_not_overridden_throws_NotSupportedException()
    {
        var generations = new MockingOnlyGenerations();
        var files = new MockingOnlyFiles();
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("CreateAsync", () => generations.CreateAsync(TestRequest())),
            ("CreateAsync", () => generations.CreateAsync(TestRequest(), new RequestOptions())),
            ("GetAsync", () => generations.GetAsync("gen_1")),
            ("UploadAsync", () => files.UploadAsync(FileUpload.FromBytes(new byte[] { 1 }, "a.png", MediaKind.Image))),
            ("GetAsync", () => files.GetAsync("file_1")),
            ("GetBalanceAsync", () => new MockingOnlyCredits().GetBalanceAsync()),
            ("ListAsync", () => new MockingOnlyModels().ListAsync()),
            ("DownloadAsync", () => generations.DownloadAsync(RivyaModelFactory.Generation(status: GenerationStatus.Succeeded, primaryUrl: "https://cdn.example/v.mp4"), new System.IO.MemoryStream())),
        };

        foreach (var (name, call) in calls)
        {
            (await call.Should().ThrowAsync<NotSupportedException>()).WithMessage($"*.{name} is not set up*");
        }
    }

    [Fact]
    public async Task The_waiting_members_of_a_mocking_only_sub_client_work_on_the_members_it_overrides()
    {
        var generations = new MockingOnlyGenerations
        {
            Answer = RivyaModelFactory.Generation(id: "gen_1", status: GenerationStatus.Succeeded, primaryUrl: "https://cdn.example/v.mp4"),
        };

        var done = await generations.WaitForCompletionAsync("gen_1", new WaitOptions { InitialDelay = TimeSpan.Zero }).WaitAsync(Bound);

        done.PrimaryUrl.Should().Be("https://cdn.example/v.mp4");
        (await FluentActions.Awaiting(() => generations.CreateAndWaitAsync(TestRequest(), CancellationToken.None))
            .Should().ThrowAsync<NotSupportedException>()).WithMessage("*.CreateAsync is not set up*");
    }

    [Fact]
    public async Task A_batch_on_a_mocking_only_sub_client_runs_on_the_members_it_overrides()
    {
        var generations = new MockingOnlyGenerations
        {
            Created = RivyaModelFactory.Generation(id: "gen_1", status: GenerationStatus.Queued),
            Answer = RivyaModelFactory.Generation(id: "gen_1", status: GenerationStatus.Succeeded, primaryUrl: "https://cdn.example/v.mp4"),
        };

        var results = new System.Collections.Generic.List<BatchItemResult>();
        await foreach (var result in generations.CreateAndWaitManyAsync([TestRequest(), TestRequest()], new BatchOptions { Wait = new WaitOptions { InitialDelay = TimeSpan.Zero } }).WithCancellation(CancellationToken.None))
        {
            results.Add(result);
        }

        results.Should().HaveCount(2).And.OnlyContain(r => r.Succeeded && r.Generation!.PrimaryUrl == "https://cdn.example/v.mp4");

        var preflight = async () =>
        {
            await foreach (var unused in generations.CreateAndWaitManyAsync([TestRequest()], new BatchOptions { CheckBalanceFirst = true }))
            {
            }
        };
        (await preflight.Should().ThrowAsync<NotSupportedException>()).WithMessage("*.CreateAndWaitManyAsync is not set up*");
    }

    [Fact]
    public async Task A_wait_honours_an_override_of_the_two_argument_GetAsync()
    {
        var generations = new TwoArgumentGenerations();

        var done = await generations.WaitForCompletionAsync("gen_1", new WaitOptions { InitialDelay = TimeSpan.Zero }).WaitAsync(Bound);

        done.Status.Should().Be(GenerationStatus.Succeeded);
    }

    [Fact]
    public void The_model_factory_builds_nested_results_and_leaves_out_what_was_not_given()
    {
        var failed = RivyaModelFactory.Generation(status: GenerationStatus.Failed, errorCode: "generation_failed", errorMessage: "Out of GPUs");
        var succeeded = RivyaModelFactory.Generation(status: GenerationStatus.Succeeded, primaryUrl: "https://a/v.mp4", finalCredits: 90);
        var file = RivyaModelFactory.RivyaFile(id: "file_1", url: "https://a/cat.png", mimeType: "image/png");
        var model = RivyaModelFactory.RivyaModel(id: "kling-2-6", baseCredits: 55);

        failed.Result.Should().BeNull();
        failed.Error.Should().Be(new GenerationError { Code = "generation_failed", Message = "Out of GPUs" });
        failed.IsTerminal.Should().BeTrue();
        succeeded.Error.Should().BeNull();
        succeeded.Result!.Urls.Should().Equal("https://a/v.mp4");
        succeeded.FinalCredits.Should().Be(90);
        file.ToReferenceMediaItem().Url.Should().Be("https://a/cat.png");
        file.ToReferenceMediaItem().MimeType.Should().Be("image/png");
        model.IsAvailable.Should().BeTrue();
        model.BaseCredits.Should().Be(55);
        RivyaModelFactory.Generation().Status.Should().Be(GenerationStatus.Queued);
    }

    private static GenerationRequest TestRequest() => new() { Prompt = "A fox", Params = new Kling30Params() };

    private sealed class MockingOnlyClient : RivyaClient
    {
    }

    private sealed class MockingOnlyGenerations : GenerationsClient
    {
        public Generation? Answer { get; init; }

        public Generation? Created { get; init; }

        public override Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? options, CancellationToken cancellationToken = default) =>
            Created is null ? base.CreateAsync(request, options, cancellationToken) : Task.FromResult(Created);

        public override Task<Generation> GetAsync(string id, RequestOptions? options, CancellationToken cancellationToken = default) =>
            Answer is null ? base.GetAsync(id, options, cancellationToken) : Task.FromResult(Answer);
    }

    /// <summary>Overrides only the two-argument GetAsync, as a user's partial mock might.</summary>
    private sealed class TwoArgumentGenerations : GenerationsClient
    {
        public override Task<Generation> GetAsync(string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(RivyaModelFactory.Generation(id: id, status: GenerationStatus.Succeeded));
    }

    private sealed class MockingOnlyFiles : FilesClient
    {
    }

    private sealed class MockingOnlyCredits : CreditsClient
    {
    }

    private sealed class MockingOnlyModels : ModelsClient
    {
    }
}
