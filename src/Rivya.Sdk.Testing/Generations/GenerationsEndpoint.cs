using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rivya.Sdk.Testing.Http;

namespace Rivya.Sdk.Testing.Generations;

/// <summary><c>POST /api/v1/generations</c> and <c>GET /api/v1/generations/{id}</c>.</summary>
internal sealed class GenerationsEndpoint
{
    private readonly GenerationStore _store;
    private readonly bool _rejectUnknownParams;

    public GenerationsEndpoint(GenerationStore store, bool rejectUnknownParams)
    {
        _store = store;
        _rejectUnknownParams = rejectUnknownParams;
    }

    public FakeResponse Create(IncomingRequest request)
    {
        if (!TryParseObject(request.Body, out var body, out var parseError))
        {
            return ErrorResponses.ValidationFailed(parseError);
        }

        var errors = GenerationBodyValidator.Validate(body, _rejectUnknownParams, out var model);
        if (errors.Count > 0 || model is null)
        {
            return ErrorResponses.ValidationFailed("Invalid request: " + string.Join(" ", errors));
        }

        var idempotencyKey = request.Header("Idempotency-Key")?.Trim();
        if (string.IsNullOrEmpty(idempotencyKey))
        {
            idempotencyKey = null;
        }

        var outcome = _store.Create(model, body, idempotencyKey);
        return outcome.Status switch
        {
            CreateStatus.Created or CreateStatus.Replayed => FakeResponse.Json(201, outcome.TaskJson!),
            CreateStatus.IdempotencyConflict => ErrorResponses.IdempotencyConflict(idempotencyKey!),
            _ => ErrorResponses.InsufficientCredits(outcome.Needed, outcome.Balance),
        };
    }

    public FakeResponse Get(string id) =>
        _store.Poll(id) is { } json
            ? FakeResponse.Json(200, json)
            : ErrorResponses.NotFound($"No generation task '{id}' for this account.");

    private static bool TryParseObject(byte[] utf8, out JsonObject body, out string error)
    {
        body = null!;
        try
        {
            if (JsonNode.Parse(utf8) is JsonObject parsed)
            {
                // Materialises the properties now, so a duplicate key fails here and not inside the validator.
                _ = parsed.Count;
                body = parsed;
                error = string.Empty;
                return true;
            }

            error = "The body must be a JSON object.";
            return false;
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            error = "The body is not valid JSON: " + e.Message;
            return false;
        }
    }
}
