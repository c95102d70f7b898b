namespace Rivya.Sdk;

internal static class FileNames
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>
    /// The part after the last <c>/</c> or <c>\</c>, whatever the OS: a name from a Windows path must not leak its
    /// directory when the code runs on Linux, where <c>Path.GetFileName</c> keeps backslashes.
    /// </summary>
    public static string NameOnly(string? fileName)
    {
        if (fileName is null)
        {
            return string.Empty;
        }

        var cut = fileName.LastIndexOfAny(Separators);
        return cut < 0 ? fileName : fileName.Substring(cut + 1);
    }
}
