using System;
using System.Collections.Generic;
using System.Linq;
using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>
/// The request broke one or more documented rules and was not sent: no credit was spent. <see cref="Errors"/> lists
/// every violation at once.
/// </summary>
public sealed class RivyaValidationException : RivyaException
{
    /// <summary>Creates the exception from the violations found.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null.</exception>
    public RivyaValidationException(IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors ?? throw new ArgumentNullException(nameof(errors))), lineBreaksAreOwn: true)
    {
        Errors = errors;
    }

    /// <summary>Every broken rule, with the path of the offending field and what is allowed.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> holds any violation (a valid request allocates no exception).</summary>
    internal static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RivyaValidationException(errors);
        }
    }

    // One line per violation: each violation (which may quote the caller's input) is escaped on its own.
    private static string BuildMessage(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 1
            ? "The request was not sent: " + SecretScrubber.EscapeControls(errors[0].ToString())
            : $"The request was not sent: {errors.Count} rules were broken:{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(static e => "  - " + SecretScrubber.EscapeControls(e.ToString())));
}
