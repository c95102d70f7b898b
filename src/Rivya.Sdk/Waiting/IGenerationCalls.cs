using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Http;

namespace Rivya.Sdk.Waiting;

/// <summary>
/// The calls a wait or a batch makes. <see cref="GenerationsClient"/> answers them with its own virtual methods, so a
/// subclass or mock that overrides <c>CreateAsync</c> or <c>GetAsync</c> is honoured by <c>CreateAndWaitAsync</c>,
/// <c>WaitForCompletionAsync</c> and <c>CreateAndWaitManyAsync</c> too.
/// </summary>
internal interface IGenerationCalls
{
    /// <summary>The client's pipeline; null on a mocking-only instance (the waits then run on the system clock).</summary>
    RivyaPipeline? Pipeline { get; }

    Task<Generation> CreateAsync(GenerationRequest request, RequestOptions? options, CancellationToken cancellationToken);

    /// <summary>A wait's poll: the two-argument overload, as before the waits moved here, so overriding either is honoured.</summary>
    Task<Generation> GetAsync(string id, CancellationToken cancellationToken);
}
