using System;
using System.Runtime.CompilerServices;

namespace Rivya.Sdk.Common;

/// <summary>Argument checks that read the same on netstandard2.0 and on .NET 8+.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class =>
        value ?? throw new ArgumentNullException(name);
}
