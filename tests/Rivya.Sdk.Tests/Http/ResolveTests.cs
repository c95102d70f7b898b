using System;
using System.Net.Http;
using FluentAssertions;
using Microsoft.Extensions.Logging.Abstractions;
using Rivya.Sdk.Http;
using Rivya.Sdk.Tests.Support;
using Xunit;

namespace Rivya.Sdk.Tests.Http;

public sealed class ResolveTests
{
    [Theory]
    [InlineData("https://rivya.ai", "https://rivya.ai/api/v1/generations/task_1")]
    [InlineData("https://rivya.ai/", "https://rivya.ai/api/v1/generations/task_1")]
    [InlineData("https://gateway.example/rivya", "https://gateway.example/rivya/api/v1/generations/task_1")]
    [InlineData("https://gateway.example/rivya/", "https://gateway.example/rivya/api/v1/generations/task_1")]
    [InlineData("http://127.0.0.1:5050/", "http://127.0.0.1:5050/api/v1/generations/task_1")]
    [InlineData("https://rivya.ai/?tenant=a", "https://rivya.ai/api/v1/generations/task_1")]
    public void A_relative_path_lands_under_the_base_address_like_uri_resolution_would(string baseAddress, string expected)
    {
        var pipeline = PipelineFor(baseAddress);

        var resolved = pipeline.Resolve("api/v1/generations/task_1");

        resolved.AbsoluteUri.Should().Be(expected);
        resolved.Should().Be(new Uri(pipeline.BaseAddress, "api/v1/generations/task_1"));
    }

    [Fact]
    public void An_id_is_escaped_into_one_path_segment()
    {
        var pipeline = PipelineFor("https://rivya.ai/");

        var resolved = pipeline.ResolveResource("api/v1/generations/", "a/b?c#d e", "id");

        resolved.AbsolutePath.Should().Be("/api/v1/generations/a%2Fb%3Fc%23d%20e");
        resolved.Query.Should().BeEmpty();
        resolved.Fragment.Should().BeEmpty();
    }

    private static RivyaPipeline PipelineFor(string baseAddress)
    {
        var options = new RivyaClientOptions { ApiKey = TestKeys.ApiKey, BaseAddress = new Uri(baseAddress) };
        return new RivyaPipeline(new HttpClient(), options, NullLogger.Instance);
    }
}
