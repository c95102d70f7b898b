using System.Text;

namespace Rivya.Cli.Output;

/// <summary>
/// Text from a file, an argument or a server's answer made safe to print on a terminal: control characters (an escape
/// sequence in a CSV cell or in a task's error message, a newline in a row id) become '?'. The SDK masks the API key in
/// what it returns but hands back the server's strings as they came (only its messages and ToString escape them).
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
