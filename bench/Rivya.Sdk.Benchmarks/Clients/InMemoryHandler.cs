using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Benchmarks.Server;

namespace Rivya.Sdk.Benchmarks.Clients;

/// <summary>
/// A diagnostic transport (QuickRun's <c>inmemory</c> mode): answers the same routes as the loopback server at once,
/// without sockets, so a whole call runs synchronously on the calling thread (QuickRun checks) and its allocations and CPU time are
/// the client's alone. The request body is still serialized (copied to nowhere), as a real handler would.
/// </summary>
public sealed class InMemoryHandler(ServerResponses responses) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json", "utf-8");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } body)
        {
            await body.CopyToAsync(Stream.Null, cancellationToken);
        }

        return Answer(request);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        var (status, body) = request.Method == HttpMethod.Post && path == "/api/v1/generations"
            ? (HttpStatusCode.Created, responses.CreateJson)
            : request.Method == HttpMethod.Get && path.StartsWith("/api/v1/generations/", System.StringComparison.Ordinal)
                ? (HttpStatusCode.OK, responses.SucceededJson)
                : (HttpStatusCode.NotFound, "{}"u8.ToArray());
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(status) { Content = content, RequestMessage = request };
    }
}
