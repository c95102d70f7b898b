using System;

namespace Rivya.Sdk.Testing.Http;

/// <summary>Rivya-looking identifiers: <c>task_…</c>, <c>file_…</c>, <c>req_…</c>, unique per call.</summary>
internal static class FakeIds
{
    public static string Task() => New("task_");

    public static string File() => New("file_");

    public static string Request() => New("req_");

    public static string DurationToken() => New("dt_");

    private static string New(string prefix) => prefix + Guid.NewGuid().ToString("N");
}
