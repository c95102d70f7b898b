using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Testing;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>An expired or missing result (403/404/410): by id the task is read once more; otherwise a typed error that says so.</summary>
public sealed class ExpiryTests : DownloadTestBase
{
    [Theory]
    [InlineData(HttpStatusCode.Gone)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task By_id_an_expired_url_reads_the_task_again_once_and_the_download_completes(HttpStatusCode status)
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.WithStatus(status));

        var file = await Client.Generations.DownloadAsync(done.Id, PathOf("cat.mp4")).WaitAsync(Bound);

        File.ReadAllBytes(file.FullName).SequenceEqual(Content).Should().BeTrue();
        Fake.Requests.Where(r => r.Method == "GET" && r.Path == "/api/v1/generations/" + done.Id)
            .Should().HaveCount(2, "the task is read first, then once more for fresh URLs");
        Fake.Requests.Should().NotContain(r => r.Method == "POST", "a download never creates a task");
        Fake.MediaRequests.Should().HaveCount(2);
    }

    [Fact]
    public async Task By_id_a_url_that_is_still_gone_after_the_fresh_read_fails_with_the_status_and_the_task_id()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.WithStatus(HttpStatusCode.Gone), MediaFault.WithStatus(HttpStatusCode.Gone));

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(done.Id, PathOf("cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Gone);
        thrown.Which.IsExpiredOrMissing.Should().BeTrue();
        thrown.Which.TaskId.Should().Be(done.Id);
        Fake.Requests.Count(r => r.Path == "/api/v1/generations/" + done.Id).Should().Be(2, "the task is read again only once");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task From_a_generation_an_expired_url_is_a_typed_error_that_says_to_read_the_task_again()
    {
        var done = await SucceededAsync();
        Fake.InjectMediaFaults(MediaFault.WithStatus(HttpStatusCode.Gone));

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(done, PathOf("cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.StatusCode.Should().Be(HttpStatusCode.Gone);
        thrown.Which.TaskId.Should().Be(done.Id);
        thrown.Which.Message.Should().Contain("expired").And.Contain("GetAsync");
        Fake.MediaRequests.Should().HaveCount(1, "403/404/410 are not retried");
        Fake.Requests.Should().BeEmpty("without an id to re-read, the API is not called");
        FilesLeft().Should().BeEmpty();
    }

    [Fact]
    public async Task A_task_that_has_not_succeeded_is_refused_before_any_request_with_its_status()
    {
        var created = await Client.Generations.CreateAsync(TestRequests.Valid()).WaitAsync(Bound);
        Fake.ClearRequests();

        var thrown = await Client.Generations.Invoking(g => g.DownloadAsync(created, PathOf("cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("queued");
        thrown.Which.TaskId.Should().Be(created.Id);
        Fake.MediaRequests.Should().BeEmpty();
        FilesLeft().Should().BeEmpty("not even a temporary file is made");
    }

    [Fact]
    public async Task By_id_a_task_that_has_not_succeeded_is_refused_after_reading_it_with_its_status()
    {
        await using var slow = FakeRivyaServer.Start(new FakeRivyaServerOptions { PollsUntilSucceeded = 5 });
        using var client = new RivyaClient(new RivyaClientOptions { ApiKey = slow.ApiKey, BaseAddress = slow.BaseAddress, TimeProvider = Clock });
        var created = await client.Generations.CreateAsync(TestRequests.Valid()).WaitAsync(Bound);

        var thrown = await client.Generations.Invoking(g => g.DownloadAsync(created.Id, PathOf("cat.mp4")).WaitAsync(Bound))
            .Should().ThrowAsync<RivyaDownloadException>();

        thrown.Which.Message.Should().Contain("processing");
        slow.MediaRequests.Should().BeEmpty();
    }
}
