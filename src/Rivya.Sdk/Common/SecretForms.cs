using System;
using System.Collections.Generic;
using System.Text;

namespace Rivya.Sdk.Common;

/// <summary>
/// The base64 spellings of a key, for <see cref="SecretScrubber"/>: a key base64-encoded inside a longer value (an
/// echoed <c>Authorization: Basic</c>, a token, a JSON blob) shows one of three character runs, one per alignment of its
/// first byte, in standard or URL-safe base64. Only the characters that depend on the key's bytes alone are kept, so the
/// run is found whatever surrounds the key.
/// </summary>
internal sealed class SecretForms
{
    // One key per client and usually one client: remember the last key's forms instead of recomputing them per text.
    private static SecretForms? _last;

    private SecretForms(string secret, string[] base64)
    {
        Secret = secret;
        Base64 = base64;
    }

    public string Secret { get; }

    /// <summary>The key's base64 runs (each at least 8 characters, so a short key cannot mask ordinary text).</summary>
    public string[] Base64 { get; }

    public static SecretForms For(string secret)
    {
        var last = _last;
        if (last is not null && string.Equals(last.Secret, secret, StringComparison.Ordinal))
        {
            return last;
        }

        var created = new SecretForms(secret, ComputeBase64(secret));
        _last = created;
        return created;
    }

    private static string[] ComputeBase64(string secret)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var runs = new List<string>(6);
        for (var offset = 0; offset < 3; offset++)
        {
            var padded = new byte[offset + key.Length];
            Array.Copy(key, 0, padded, offset, key.Length);
            var encoded = Convert.ToBase64String(padded);
            var start = ((offset * 8) + 5) / 6;
            var end = (padded.Length * 8) / 6;
            if (end - start < 8)
            {
                continue;
            }

            var run = encoded.Substring(start, end - start);
            runs.Add(run);
            var urlSafe = run.Replace('+', '-').Replace('/', '_');
            if (!string.Equals(urlSafe, run, StringComparison.Ordinal))
            {
                runs.Add(urlSafe);
            }
        }

        return runs.ToArray();
    }
}
