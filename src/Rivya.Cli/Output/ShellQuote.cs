using System.Collections.Generic;
using System.Linq;

namespace Rivya.Cli.Output;

/// <summary>Arguments written back as a command a POSIX shell runs as given (single quotes where needed), control characters made visible.</summary>
internal static class ShellQuote
{
    public static string Quote(string value)
    {
        value = Printable.Text(value);
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':' or ',' or '+' or '@'))
        {
            return value;
        }

        return "'" + value.Replace("'", "'\\''", System.StringComparison.Ordinal) + "'";
    }

    public static string Command(IEnumerable<string> args) => "rivya " + string.Join(' ', args.Select(Quote));
}
