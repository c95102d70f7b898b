namespace Rivya.Sdk.Tests.Support;

public static class TestRequests
{
    /// <summary>A request every validator accepts.</summary>
    public static GenerationRequest Valid() => new()
    {
        Prompt = "A cinematic product reveal with smooth camera movement",
        Params = new Kling30Params { Duration = 5 },
    };

    /// <summary>Breaks documented rules: a blank prompt and a duration kling-3-0 does not offer.</summary>
    public static GenerationRequest Invalid() => new()
    {
        Prompt = " ",
        Params = new Kling30Params { Duration = 2 },
    };

    public const string TaskJson = """{"id":"task_1","status":"queued","model":"kling-3-0","reserved_credits":90,"final_credits":0}""";

    public const string CreditsJson = """{"current_credits":123}""";
}
