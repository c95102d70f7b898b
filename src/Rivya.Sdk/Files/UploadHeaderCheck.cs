using System;
using System.Globalization;
using Rivya.Sdk.Common;
using Rivya.Sdk.Http;

namespace Rivya.Sdk;

/// <summary>
/// The wire-safety check of what an upload puts in its file part's headers (<c>Content-Disposition</c>'s file name and
/// <c>Content-Type</c>). It runs even under <see cref="RequestOptions.SkipValidation"/>: that switch skips Rivya's
/// documented rules, never the rules that keep the request well-formed.
/// </summary>
internal static class UploadHeaderCheck
{
    /// <param name="fileName">The name that goes on the wire (<see cref="FileNames.NameOnly"/> of the upload's).</param>
    /// <exception cref="ArgumentException">The name cannot go in a part header; nothing was read or sent.</exception>
    public static void CheckFileName(string fileName)
    {
        for (var i = 0; i < fileName.Length; i++)
        {
            if (char.IsControl(fileName[i]))
            {
                throw new ArgumentException(
                    string.Format(CultureInfo.InvariantCulture, "FileUpload.FileName contains {0} at index {1}: a file name may not hold control characters. Nothing was sent.", HeaderValues.Describe(fileName[i]), i),
                    nameof(fileName));
            }
        }

        if (fileName.Length > 0 && fileName.Trim('.').Length == 0)
        {
            throw new ArgumentException($"FileUpload.FileName '{fileName}' is only dots: give a real name such as cat.png. Nothing was sent.", nameof(fileName));
        }
    }

    /// <summary>
    /// Checks the type to declare. Run after Rivya's rules, which already refuse a value that is not a MIME type (as a
    /// <see cref="RivyaValidationException"/>); this catches what they let through or were told to skip.
    /// </summary>
    /// <exception cref="ArgumentException">The type cannot go in a part header; nothing was sent.</exception>
    public static void CheckContentType(string contentType) =>
        HeaderValues.Check("FileUpload.ContentType", contentType, nameof(contentType));
}
