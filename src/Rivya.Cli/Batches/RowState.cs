using Rivya.Cli.Requests;

namespace Rivya.Cli.Batches;

/// <summary>What the journal says of one row so far (the fold of its lines, last one wins).</summary>
internal sealed class RowState
{
    public string? Key { get; set; }

    public CreateBody? Body { get; set; }

    public string? TaskId { get; set; }

    /// <summary><c>succeeded</c> or <c>failed</c> once the task has ended; null before.</summary>
    public string? Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    public decimal Credits { get; set; }

    public string? File { get; set; }

    public long Size { get; set; }
}
