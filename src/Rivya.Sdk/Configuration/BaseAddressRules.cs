using System;
using System.Net;

namespace Rivya.Sdk.Configuration;

/// <summary>The key travels in every request: it may only go over https, or to this machine (tests, the fake server).</summary>
internal static class BaseAddressRules
{
    /// <summary>Null when <paramref name="address"/> is acceptable, else why not.</summary>
    public static string? Check(Uri? address)
    {
        if (address is null)
        {
            return "BaseAddress is required.";
        }

        if (!address.IsAbsoluteUri)
        {
            return $"BaseAddress must be an absolute URI; got '{address}'.";
        }

        if (!string.IsNullOrEmpty(address.UserInfo))
        {
            // Never echoed: the user info is a credential. The key goes in Authorization, nothing goes in the address.
            return "BaseAddress must not contain user info (user:password@); the API key is set with ApiKey.";
        }

        if (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && IsLoopback(address)))
        {
            return null;
        }

        return $"BaseAddress must use https (http is allowed only for loopback addresses); got '{address.GetLeftPart(UriPartial.Authority)}'.";
    }

    /// <summary>The address for display: any user info masked (it is refused anyway, but ToString runs before validation).</summary>
    public static string Display(Uri? address) =>
        address is null ? "(none)"
        : address.IsAbsoluteUri && !string.IsNullOrEmpty(address.UserInfo) ? address.Scheme + "://***@" + address.Authority + address.PathAndQuery
        : address.ToString();

    /// <summary>The address with a trailing slash, so relative paths append to it rather than replace its last segment.</summary>
    public static Uri Normalize(Uri address) =>
        address.AbsoluteUri[address.AbsoluteUri.Length - 1] == '/' ? address : new Uri(address.AbsoluteUri + "/");

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback
        || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
