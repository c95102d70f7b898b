namespace Rivya.Sdk.Tests.Support;

internal static class TestKeys
{
    /// <summary>A key shaped like a real one, distinctive enough that a leak scan cannot miss it.</summary>
    public const string ApiKey = "rvya_sk_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
}
