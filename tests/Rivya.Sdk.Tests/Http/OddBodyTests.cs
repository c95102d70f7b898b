using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Rivya.Sdk.Http;
using Rivya.Sdk.Tests.Support;
using WireMock.ResponseBuilders;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

/// <summary>Answers that are not Rivya's JSON error still give the right typed exception with a readable message.</summary>
public sealed class OddBodyTests : WireMockTest
{
    private const string ProxyPage = """
        <!DOCTYPE html>
        <html>
          <head><title>502 Bad Gateway</title></head>
          <body>
            <center><h1>502 Bad Gateway</h1></center>
            <hr><center>nginx</center>
          </body>
        </html>
        """;

    [Fact]
    public async Task An_html_502_from_a_proxy_gives_a_server_exception_naming_the_status_and_an_excerpt()
    {
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody(ProxyPage));
        var client = Client(o => o.MaxRetries = 0);

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaServerException>()).Which;

        exception.StatusCode.Should().Be(HttpStatusCode.BadGateway);
        exception.ErrorCode.Should().BeNull();
        exception.RequestId.Should().BeNull();
        exception.Message.Should().Contain("502").And.Contain("text/html").And.Contain("<title>502 Bad Gateway</title>");
        exception.Message.Should().NotContain("\n", "the page's whitespace is folded into one readable line");
    }

    [Fact]
    public async Task A_truncated_json_error_still_gives_the_status_exception_and_shows_what_arrived()
    {
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(403).WithHeader("Content-Type", "application/json")
            .WithBody("""{"error":{"code":"api_scope_den"""));
        var client = Client();

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaPermissionDeniedException>()).Which;

        exception.ErrorCode.Should().BeNull("a code cut in half is not a code");
        exception.Message.Should().Contain("403").And.Contain("api_scope_den");
    }

    [Fact]
    public async Task An_empty_error_body_gives_the_status_exception_and_says_the_body_was_empty()
    {
        Server.Given(GetPath()).RespondWith(Response.Create().WithStatusCode(404));
        var client = Client();

        var exception = (await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowAsync<RivyaNotFoundException>()).Which;

        exception.ErrorCode.Should().BeNull();
        exception.Message.Should().Contain("404").And.Contain("empty body");
    }

    [Fact]
    public async Task A_json_error_without_the_error_object_is_shown_as_an_excerpt()
    {
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json")
            .WithBody("""{"detail":"something else"}"""));
        var client = Client();

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaApiException>()).Which;

        exception.Should().BeOfType<RivyaApiException>();
        exception.Message.Should().Contain("400").And.Contain("something else");
    }

    [Fact]
    public async Task A_1_MB_error_body_gives_a_short_message()
    {
        var huge = "<html><body>" + new string('x', 1024 * 1024) + "</body></html>";
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", "text/html").WithBody(huge));
        var client = Client(o => o.MaxRetries = 0);

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaServerException>()).Which;

        exception.Message.Length.Should().BeLessThan(500);
        exception.Message.Should().Contain("500").And.Contain("<html><body>xxx");
    }

    [Fact]
    public async Task A_long_message_in_rivyas_json_error_is_cut_short()
    {
        var body = ErrorBodies.Json("validation_failed", "start " + new string('m', 40_000), "req_long");
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", "application/json").WithBody(body));
        var client = Client();

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaApiException>()).Which;

        exception.ErrorCode.Should().Be("validation_failed");
        exception.RequestId.Should().Be("req_long");
        exception.Message.Should().Contain("start mmm");
        exception.Message.Length.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task The_error_body_is_read_at_most_64_KB()
    {
        var body = new EndlessStream();
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StreamContent(body, 4096) };

        var error = await ErrorResponseReader.ReadAsync(response, TimeProvider.System, TestKeys.ApiKey, CancellationToken.None);

        body.BytesRead.Should().BeGreaterThanOrEqualTo(ErrorResponseReader.MaxBodyBytes).And.BeLessThanOrEqualTo(ErrorResponseReader.MaxBodyBytes + 4096);
        ErrorResponseReader.MaxBodyBytes.Should().Be(64 * 1024);
        error.BodyExcerpt.Should().StartWith("xxxx").And.HaveLength(201, "200 characters and an ellipsis");
    }

    [Fact]
    public async Task A_2xx_body_that_is_not_json_on_a_create_is_retried_with_its_key_then_an_api_exception_carrying_the_key()
    {
        Server.Given(CreatePath).RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "text/html").WithBody("<html>created!</html>"));
        var client = Client();

        var call = client.Generations.CreateAsync(TestRequests.Valid(), new RequestOptions { IdempotencyKey = "order-7" });
        var backoffs = new[] { await AdvancePastNextBackoffAsync(), await AdvancePastNextBackoffAsync() };
        var exception = (await FluentActions.Awaiting(() => call.WaitAsync(TimeSpan.FromSeconds(30))).Should().ThrowAsync<RivyaApiException>()).Which;

        exception.Should().BeOfType<RivyaApiException>();
        exception.StatusCode.Should().Be(HttpStatusCode.Created);
        exception.IdempotencyKey.Should().Be("order-7");
        exception.Message.Should().Contain("201").And.Contain("could not be read").And.Contain("may have done the work").And.Contain("'order-7'");
        backoffs.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Received.Should().HaveCount(3, "the default two retries, since the key makes a repeated create reach the same task")
            .And.OnlyContain(r => r.Headers!["Idempotency-Key"].Single() == "order-7");
    }

    [Fact]
    public async Task A_2xx_json_null_is_an_api_exception()
    {
        Server.Given(CreditsPath).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("null"));
        var client = Client(o => o.MaxRetries = 0);

        var exception = (await FluentActions.Awaiting(() => client.Credits.GetBalanceAsync().Bound()).Should().ThrowAsync<RivyaApiException>()).Which;

        exception.StatusCode.Should().Be(HttpStatusCode.OK);
        exception.Message.Should().Contain("null");
        Received.Should().ContainSingle();
    }

    [Fact]
    public async Task An_empty_2xx_body_is_an_api_exception()
    {
        Server.Given(GetPath()).RespondWith(Response.Create().WithStatusCode(200));
        var client = Client(o => o.MaxRetries = 0);

        await FluentActions.Awaiting(() => client.Generations.GetAsync("task_1").Bound()).Should().ThrowExactlyAsync<RivyaApiException>();

        Received.Should().ContainSingle();
    }
}
