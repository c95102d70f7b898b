using System;

namespace Rivya.Sdk.Testing.Faults;

/// <summary>The rules every injected fault must meet, checked when it is injected rather than when it strikes.</summary>
internal static class FaultCheck
{
    public static void ThrowIfInvalid(FakeFault? fault, string paramName)
    {
        ArgumentNullException.ThrowIfNull(fault, paramName);
        if (fault.AnswersStatus && (int)fault.Status is < 400 or > 599)
        {
            throw new ArgumentOutOfRangeException(paramName, fault.Status, "A fault's status must be 400 to 599.");
        }

        if (fault.RetryAfter < TimeSpan.Zero || fault.Delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, "A fault's RetryAfter and Delay must not be negative.");
        }

        if (!Enum.IsDefined(fault.Kind))
        {
            throw new ArgumentOutOfRangeException(paramName, fault.Kind, "Unknown fault kind.");
        }
    }
}
