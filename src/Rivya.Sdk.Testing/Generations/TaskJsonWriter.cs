using System.Text.Json;
using Rivya.Sdk.Testing.Json;

namespace Rivya.Sdk.Testing.Generations;

/// <summary>Rivya's task object: <c>id</c>, <c>status</c>, <c>model</c>, credits, timestamps, <c>result</c>, <c>error</c>.</summary>
internal static class TaskJsonWriter
{
    public static byte[] Write(FakeTask task) => JsonWriting.Write(task, WriteTask);

    private static void WriteTask(Utf8JsonWriter writer, FakeTask task)
    {
        writer.WriteStartObject();
        writer.WriteString("id", task.Id);
        writer.WriteString("status", task.Status);
        writer.WriteString("model", task.Model);
        writer.WriteNumber("reserved_credits", task.ReservedCredits);
        writer.WriteNumber("final_credits", task.FinalCredits);
        writer.WriteTimestamp("created_at", task.CreatedAt);
        writer.WriteTimestamp("updated_at", task.UpdatedAt);
        if (task.ResultUrls is { Count: > 0 } urls)
        {
            writer.WriteStartObject("result");
            writer.WriteString("primary_url", urls[0]);
            writer.WriteStringArray("urls", urls);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("result");
        }

        if (task.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("error");
        }

        writer.WriteEndObject();
    }
}
