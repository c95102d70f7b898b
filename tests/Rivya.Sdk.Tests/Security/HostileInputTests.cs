using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Configuration;
using Rivya.Sdk.Tests.Files;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Security;

/// <summary>
/// Values that become headers or part headers, given by a careless or hostile caller: each is refused with an
/// <see cref="ArgumentException"/> naming the option and the character, and nothing reaches the (raw loopback) server.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string Smuggle = "k1\r\nContent-Length: 0\r\n\r\nGET /api/v1/credits HTTP/1.1\r\nHost: x\r\n\r\n";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly HostileServer _server = HostileServer.Json(TestRequests.TaskJson);

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task An_idempotency_key_with_CRLF_cannot_smuggle_a_second_request()
    {
        using var client = Client();

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = Smuggle }).WaitAsync(Bound);

        (await act.Should().ThrowAsync<ArgumentException>())
            .Which.Message.Should().Contain("RequestOptions.IdempotencyKey").And.Contain("U+000D (CR)").And.Contain("Nothing was sent");
        NothingReachedTheServer();
    }

    [Theory]
    [InlineData("X-Trace", "a\r\nX-Injected: 1")]
    [InlineData("X-Trace", "a\nb")]
    [InlineData("X-Trace", "nul\0")]
    [InlineData("X-Trace", "caf\u00e9")]
    [InlineData("X-Trace\r\nX-Injected", "1")]
    [InlineData("X Trace", "1")]
    [InlineData("", "1")]
    public async Task A_header_name_or_value_that_would_break_the_head_is_refused(string name, string value)
    {
        using var client = Client();
        var options = new RequestOptions { Headers = new Dictionary<string, string> { [name] = value } };

        var act = () => client.Generations.GetAsync("task_1", options).WaitAsync(Bound);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("RequestOptions.Headers");
        NothingReachedTheServer();
    }

    [Theory]
    [InlineData("Authorization", "RivyaClientOptions.ApiKey")]
    [InlineData("authorization", "RivyaClientOptions.ApiKey")]
    [InlineData("Idempotency-Key", "RequestOptions.IdempotencyKey")]
    [InlineData("Host", "RivyaClientOptions.BaseAddress")]
    [InlineData("Content-Length", "frames the body")]
    [InlineData("Transfer-Encoding", "frames the body")]
    public async Task A_header_the_SDK_owns_cannot_be_set_through_Headers(string name, string rightOption)
    {
        using var client = Client();
        var options = new RequestOptions { IdempotencyKey = "order-1", Headers = new Dictionary<string, string> { [name] = "other" } };

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), options).WaitAsync(Bound);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(name).And.Contain(rightOption);
        NothingReachedTheServer();
    }

    [Fact]
    public async Task The_key_an_exception_reports_is_the_key_that_was_sent()
    {
        using var server = HostileServer.Answering("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain", "upstream down");
        using var client = Client(server, o => o.MaxRetries = 0);

        var act = () => client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-42" }).WaitAsync(Bound);

        var thrown = (await act.Should().ThrowAsync<RivyaApiException>()).Which;
        server.Requests.Should().ContainSingle().Which.Values("Idempotency-Key").Should().Equal("order-42");
        thrown.IdempotencyKey.Should().Be("order-42");
    }

    [Theory]
    [InlineData("rvya_sk_abc\r\nX-Injected: 1", "U+000D (CR)")]
    [InlineData("rvya_sk_abc\u00e9", "U+00E9")]
    [InlineData("rvya_sk_\u0007bell", "U+0007 (BEL)")]
    public void A_key_with_control_characters_or_non_ASCII_is_a_configuration_error(string key, string character)
    {
        var act = () => new RivyaClient(new RivyaClientOptions { ApiKey = key, BaseAddress = _server.BaseAddress });

        var thrown = act.Should().Throw<ArgumentException>().Which;
        thrown.Message.Should().Contain("ApiKey").And.Contain(character).And.NotContain("rvya_sk_abc").And.NotContain("bell");
        NothingReachedTheServer();
    }

    [Fact]
    public void A_user_agent_suffix_with_CRLF_is_a_configuration_error()
    {
        var act = () => new RivyaClient(new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = _server.BaseAddress, UserAgent = "app/1\r\nX-Injected: 1" });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("UserAgent").And.Contain("U+000D (CR)");
    }

    [Theory]
    [InlineData("image/png\r\nX-Injected: 1")]
    [InlineData("image/png\n")]
    [InlineData("image/p\u00f1g")]
    public async Task A_content_type_that_breaks_the_part_head_is_refused_even_under_SkipValidation(string contentType)
    {
        using var client = Client();
        var upload = FileUpload.FromBytes(SampleMedia.Png(), "cat.png", MediaKind.Image) with { ContentType = contentType };

        var act = () => client.Files.UploadAsync(upload, new RequestOptions { SkipValidation = true }).WaitAsync(Bound);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("FileUpload.ContentType");
        NothingReachedTheServer();
    }

    [Theory]
    [InlineData("cat\0.png", "U+0000 (NUL)")]
    [InlineData("cat\r\n.png", "U+000D (CR)")]
    [InlineData("..", "only dots")]
    [InlineData(".", "only dots")]
    public async Task An_upload_name_with_control_characters_or_only_dots_is_refused(string fileName, string why)
    {
        using var client = Client();
        var upload = FileUpload.FromBytes(SampleMedia.Png(), fileName, MediaKind.Image) with { ContentType = "image/png" };

        foreach (var skip in new[] { false, true })
        {
            var act = () => client.Files.UploadAsync(upload, new RequestOptions { SkipValidation = skip }).WaitAsync(Bound);
            (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("FileUpload.FileName").And.Contain(why);
        }

        NothingReachedTheServer();
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData(" ")]
    [InlineData("")]
    public async Task An_id_that_is_blank_or_a_dot_segment_is_refused(string id)
    {
        using var client = Client();

        await FluentActions.Awaiting(() => client.Generations.GetAsync(id).WaitAsync(Bound)).Should().ThrowAsync<ArgumentException>();
        await FluentActions.Awaiting(() => client.Files.GetAsync(id).WaitAsync(Bound)).Should().ThrowAsync<ArgumentException>();
        NothingReachedTheServer();
    }

    [Fact]
    public void A_base_address_with_user_info_is_refused_and_never_shown()
    {
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = new Uri("https://user:hunter2@rivya.example/") };

        var act = () => new RivyaClient(options);

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("user info").And.NotContain("hunter2");
        options.ToString().Should().NotContain("hunter2");
    }

    private RivyaClient Client(Action<RivyaClientOptions>? configure = null) => Client(_server, configure);

    private static RivyaClient Client(HostileServer server, Action<RivyaClientOptions>? configure = null)
    {
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = server.BaseAddress };
        configure?.Invoke(options);
        return new RivyaClient(options);
    }

    private void NothingReachedTheServer()
    {
        _server.Connections.Should().Be(0, "a refused value must stop the call before a connection is even opened");
        _server.Requests.Should().BeEmpty();
    }
}
