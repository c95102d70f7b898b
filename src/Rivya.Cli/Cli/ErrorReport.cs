using System;
using System.IO;
using System.Text;
using Rivya.Cli.Output;
using Rivya.Sdk;

namespace Rivya.Cli.Cli;

/// <summary>
/// Turns an exception into its exit code and the text printed on stderr. The SDK's messages are already scrubbed of
/// the key and of control characters; the command line's own messages go through <see cref="Printable.Text"/>.
/// </summary>
internal static class ErrorReport
{
    public static int ExitCode(Exception error) => error switch
    {
        CliException cli => cli.ExitCode,
        OperationCanceledException => ExitCodes.Cancelled,
        RivyaValidationException => ExitCodes.Usage,
        RivyaGenerationFailedException => ExitCodes.SomeFailed,
        RivyaAuthenticationException or RivyaPermissionDeniedException => ExitCodes.Auth,
        RivyaInsufficientCreditsException or RivyaBatchBudgetException => ExitCodes.Credits,
        RivyaNotFoundException or RivyaIdempotencyConflictException => ExitCodes.Usage,
        RivyaApiException api when api.ErrorCode == "validation_failed" || (int)api.StatusCode is >= 400 and < 500 and not 408 and not 429 => ExitCodes.Usage,
        RivyaException => ExitCodes.Network,
        IOException or UnauthorizedAccessException => ExitCodes.Usage,
        _ => ExitCodes.Network,
    };

    public static string Message(Exception error)
    {
        var text = new StringBuilder("error: ");
        switch (error)
        {
            case RivyaValidationException validation:
                text.Append("the request breaks documented rules (nothing was sent):");
                foreach (var item in validation.Errors)
                {
                    text.Append("\n  ").Append(item.Path).Append(": ").Append(item.Message);
                }

                return text.ToString();
            case RivyaApiException api when api.ErrorCode is { } code:
                text.Append(code).Append(": ").Append(api.Message);
                break;
            case OperationCanceledException:
                text.Append("cancelled.");
                break;
            default:
                text.Append(error is CliException or RivyaException ? error.Message : Printable.Text(error.Message));
                break;
        }

        return text.ToString();
    }
}
