namespace Rivya.Cli.Cli;

/// <summary>The exit codes of every command (docs/command-line.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked for succeeded.</summary>
    public const int Ok = 0;

    /// <summary>Some generations failed (their credits are refunded by Rivya).</summary>
    public const int SomeFailed = 1;

    /// <summary>A usage or validation error, found locally (nothing sent) or refused by the server (validation_failed, not_found, idempotency_conflict).</summary>
    public const int Usage = 2;

    /// <summary>The API key is missing, refused, or lacks permission.</summary>
    public const int Auth = 3;

    /// <summary>Not enough credits, or over --budget.</summary>
    public const int Credits = 4;

    /// <summary>A network or server failure after the SDK's retries.</summary>
    public const int Network = 5;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>Of two outcomes, the one to report: cancelled first, then the errors that need a person, then failures.</summary>
    public static int Worst(int a, int b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(int code) => code switch
    {
        Cancelled => 7,
        Auth => 6,
        Credits => 5,
        Network => 4,
        Usage => 3,
        SomeFailed => 2,
        _ => 0,
    };
}
