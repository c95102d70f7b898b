using System;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Files;

public sealed class FilesGetTests : IDisposable
{
    private readonly FilesServer _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task GetAsync_reads_the_file_by_id()
    {
        _files.Server.Given(Request.Create().WithPath("/api/v1/files/file_7f3a").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(FilesServer.StoredFileJson));
        using var client = _files.Client();

        var file = await client.Files.GetAsync("file_7f3a").Bound();

        file.Should().BeEquivalentTo(new
        {
            Id = "file_7f3a",
            Url = "https://cdn.rivya.ai/files/file_7f3a/cat.png",
            Kind = (MediaKind?)MediaKind.Image,
            MimeType = "image/png",
            Name = "cat.png",
            SizeBytes = (long?)4096,
            CreatedAt = (DateTimeOffset?)new DateTimeOffset(2026, 5, 11, 0, 0, 0, TimeSpan.Zero),
        });
        _files.Requests.Single().Headers!["Authorization"].Single().Should().Be("Bearer " + TestKeys.ApiKey);
    }

    [Fact]
    public async Task GetAsync_escapes_the_id_into_one_path_segment()
    {
        _files.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(FilesServer.StoredFileJson));
        using var client = _files.Client();

        await client.Files.GetAsync("a/b c").Bound();

        _files.Requests.Single().AbsoluteUrl.Should().Contain("/api/v1/files/a%2Fb", "the slash stays inside the id segment");
    }

    [Fact]
    public async Task A_404_throws_RivyaNotFoundException()
    {
        _files.Server.Given(Request.Create().WithPath("/api/v1/files/file_gone").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json")
                .WithBody("{\"error\":{\"code\":\"not_found\",\"message\":\"File not found.\",\"requestId\":\"req_404\"}}"));
        using var client = _files.Client();

        var act = () => client.Files.GetAsync("file_gone");

        var thrown = await act.Should().ThrowAsync<RivyaNotFoundException>();
        thrown.Which.ErrorCode.Should().Be("not_found");
        thrown.Which.RequestId.Should().Be("req_404");
        _files.Requests.Should().ContainSingle("a 404 is not retried");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_blank_id_is_refused_before_sending(string id)
    {
        using var client = _files.Client();

        var act = () => client.Files.GetAsync(id);

        await act.Should().ThrowAsync<ArgumentException>();
        _files.Requests.Should().BeEmpty();
    }
}
