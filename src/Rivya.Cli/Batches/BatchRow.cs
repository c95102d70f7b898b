using System.Collections.Generic;
using Rivya.Cli.Requests;

namespace Rivya.Cli.Batches;

/// <summary>
/// One row of a batch file: its id (its <c>client_request_id</c>, else its line number), the create it asks for, the
/// local images to upload first, and every error found in it (then <see cref="Body"/> is null).
/// </summary>
internal sealed record BatchRow(string Id, int Line, CreateBody? Body, IReadOnlyList<string> Images, IReadOnlyList<string> Errors)
{
    public string FileName => Id + ".mp4";
}
