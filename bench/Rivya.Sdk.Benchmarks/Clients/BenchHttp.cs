using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using Rivya.Sdk.Configuration;

namespace Rivya.Sdk.Benchmarks.Clients;

/// <summary>The one <see cref="HttpClient"/> set-up every client under test gets, each its own instance.</summary>
public static class BenchHttp
{
    public const string ApiKey = "rvya_sk_bench_0123456789abcdef";

    public const string UserAgent = "rivya-dotnet-bench/0.1.0";

    /// <summary>A client on a keep-alive <see cref="SocketsHttpHandler"/>, or on <paramref name="handler"/> when given.</summary>
    public static HttpClient CreateClient(Uri? baseAddress = null, HttpMessageHandler? handler = null)
    {
        handler ??= new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }
}
