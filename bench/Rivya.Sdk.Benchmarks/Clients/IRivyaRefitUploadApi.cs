using System.Threading;
using System.Threading.Tasks;
using Refit;
using Rivya.Sdk.Benchmarks.Contracts;

namespace Rivya.Sdk.Benchmarks.Clients;

/// <summary>The upload as a Refit user writes it: a multipart POST with the kind and the file as a stream part.</summary>
public interface IRivyaRefitUploadApi
{
    [Multipart]
    [Post("/api/v1/files")]
    Task<FileDto> UploadAsync([AliasAs("kind")] string kind, [AliasAs("file")] StreamPart file, CancellationToken cancellationToken = default);
}
