using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks.Clients;

/// <summary>
/// The upload baseline: what a careful developer writes by hand. The file streamed from disk through
/// <see cref="StreamContent"/> (no buffer of its own on the FileStream), a <c>kind</c> field, the type from the
/// caller; no checks, no retries, no idempotency key.
/// </summary>
public sealed class HandWrittenUpload(HttpClient http, Uri baseAddress)
{
    private readonly Uri _filesUri = new(baseAddress, "api/v1/files");

    public async Task<FileDto> UploadAsync(string path, string kind, string contentType, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        var file = new StreamContent(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan));
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", Path.GetFileName(path));
        using var response = await http.PostAsync(_filesUri, form, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(WireJsonContext.Default.FileDto, cancellationToken)
            ?? throw new HttpRequestException("The body was JSON null.");
    }
}
