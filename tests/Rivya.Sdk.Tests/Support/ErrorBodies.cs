using System.Text.Json.Nodes;

namespace Rivya.Sdk.Tests.Support;

/// <summary>Rivya's documented error shape: <c>{ "error": { "code", "message", "requestId" } }</c>; null fields are left out.</summary>
public static class ErrorBodies
{
    public static string Json(string? code, string? message, string? requestId)
    {
        var error = new JsonObject();
        if (code is not null)
        {
            error["code"] = code;
        }

        if (message is not null)
        {
            error["message"] = message;
        }

        if (requestId is not null)
        {
            error["requestId"] = requestId;
        }

        return new JsonObject { ["error"] = error }.ToJsonString();
    }
}
