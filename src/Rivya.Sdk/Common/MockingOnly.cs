using System;

namespace Rivya.Sdk.Common;

/// <summary>
/// The answer of a member that a mocking-only instance (made with a client's protected constructor) did not override:
/// a clear <see cref="NotSupportedException"/> instead of a <see cref="NullReferenceException"/> from deep inside.
/// </summary>
internal static class MockingOnly
{
    public static NotSupportedException NotSetUp(object instance, string member) =>
        new($"{instance.GetType().Name}.{member} is not set up: this instance was made with the protected constructor for mocking, " +
            "which has no connection to Rivya. Override the member, or set it up in your mocking framework (Moq Setup, NSubstitute Returns).");
}
