using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Rivya.Sdk.Http;

internal static class HttpContentExtensions
{
    /// <summary>The body stream, honouring the token where the runtime allows; an absent body reads as empty.</summary>
    public static Task<Stream> ReadBodyAsync(this HttpContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return Task.FromResult<Stream>(Stream.Null);
        }

#if NET8_0_OR_GREATER
        return content.ReadAsStreamAsync(cancellationToken);
#else
        return content.ReadAsStreamAsync();
#endif
    }
}
