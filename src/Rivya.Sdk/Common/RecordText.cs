using System;
using System.Text;

namespace Rivya.Sdk.Common;

/// <summary>
/// The <c>ToString()</c> of a record the SDK returns: the compiler's own listing of its members (its generated
/// <c>PrintMembers</c>, so a new member shows without anything to add), passed through
/// <see cref="SecretScrubber.EscapeControls"/>. A task id or an error message with a CR, LF or ESC from the server then
/// cannot forge a log line when a caller logs the record. The values themselves are not changed. Use as
/// <c>public override string ToString() =&gt; RecordText.Of(nameof(Generation), PrintMembers);</c>
/// </summary>
internal static class RecordText
{
    public static string Of(string typeName, Func<StringBuilder, bool> printMembers)
    {
        var builder = new StringBuilder(typeName).Append(" { ");
        if (printMembers(builder))
        {
            builder.Append(' ');
        }

        return SecretScrubber.EscapeControls(builder.Append('}').ToString())!;
    }
}
