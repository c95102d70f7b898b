namespace Rivya.Sdk;

/// <summary>
/// The expected cost of many requests (<see cref="GenerationRequestExtensions.EstimateCredits"/>). Sends nothing.
/// </summary>
/// <param name="Credits">The sum of <see cref="GenerationRequest.EstimateCredits"/> over the requests whose model the SDK knows, in credits.</param>
/// <param name="UnknownCount">How many requests have no known cost (a model the SDK does not know, or no parameters): they count for nothing in <paramref name="Credits"/>.</param>
public readonly record struct CreditEstimate(long Credits, int UnknownCount);
