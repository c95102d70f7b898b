using System.Text;

namespace Rivya.Cli.Output;

/// <summary>
/// Text from a file or an argument made safe to print on a terminal: control characters (an escape sequence in a CSV
/// cell, a newline in a row id) become '?'. The SDK scrubs what it returns; this is for what the user gave.
/// </summary>
internal static class Printable
{
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        StringBuilder? copy = null;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]))
            {
                copy ??= new StringBuilder(value);
                copy[i] = '?';
            }
        }

        return copy?.ToString() ?? value;
    }
}
