namespace Rivya.Sdk.Testing.Generations;

/// <summary>The <c>error</c> a failed task carries: <c>{ "code", "message" }</c>.</summary>
internal sealed record GenerationFailure(string Code, string Message);
