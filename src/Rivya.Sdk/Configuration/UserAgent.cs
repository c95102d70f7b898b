using System.Reflection;
using System.Runtime.InteropServices;

namespace Rivya.Sdk.Configuration;

/// <summary>The SDK's <c>User-Agent</c>: its version and the runtime, so Rivya can tell which clients misbehave.</summary>
internal static class UserAgent
{
    public static readonly string SdkVersion =
        (typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];

    public static readonly string Default =
        $"rivya-dotnet/{SdkVersion} ({Sanitize(RuntimeInformation.FrameworkDescription)}; {Sanitize(RuntimeInformation.OSDescription)})";

    public static string Build(string? suffix) =>
        string.IsNullOrWhiteSpace(suffix) ? Default : Default + " " + Sanitize(suffix!.Trim());

    // Parentheses and control characters would break the header's comment syntax.
    private static string Sanitize(string value)
    {
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '(' or ')' or '\r' or '\n' || char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars).Trim();
    }
}
