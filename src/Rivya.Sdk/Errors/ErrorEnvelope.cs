namespace Rivya.Sdk;

/// <summary>Rivya's error body: <c>{ "error": { "code", "message", "requestId" } }</c>.</summary>
internal sealed class ErrorEnvelope
{
    public ErrorBody? Error { get; set; }
}

/// <summary>The inner object of <see cref="ErrorEnvelope"/>; <c>requestId</c> is camelCase on the wire.</summary>
internal sealed class ErrorBody
{
    public string? Code { get; set; }

    public string? Message { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("requestId")]
    public string? RequestId { get; set; }
}
