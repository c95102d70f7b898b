using System;
using System.Net;
using System.Net.Sockets;

namespace Rivya.Sdk.Http;

/// <summary>
/// Addresses a result download must not reach unless allowed (<see cref="TargetPolicy"/>): loopback, private
/// (RFC 1918, shared 100.64/10, unique-local fc00::/7, site-local fec0::/10), link-local (169.254/16 with the cloud
/// metadata service, fe80::/10), unspecified and "this network" (0/8, ::), multicast and reserved. An IPv4 address
/// mapped into IPv6 (or NAT64's 64:ff9b::/96) is judged as the IPv4 address it carries.
/// </summary>
internal static class SpecialAddress
{
    public static bool IsSpecial(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6)
            {
                return IsSpecialV4(address.MapToIPv4().GetAddressBytes());
            }

            var b = address.GetAddressBytes();
            if (IsNat64(b))
            {
                return IsSpecialV4([b[12], b[13], b[14], b[15]]);
            }

            return address.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal
                || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xfe) == 0xfc;
        }

        return address.AddressFamily != AddressFamily.InterNetwork || IsSpecialV4(address.GetAddressBytes());
    }

    /// <summary>True for a host that names the machine itself (<c>localhost</c> and its subdomains) or a special literal address.</summary>
    public static bool IsSpecialHost(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? IsSpecial(literal) : IsLocalhostName(host);

    /// <summary>True for a loopback literal or a <c>localhost</c> name.</summary>
    public static bool IsLoopbackHost(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? IPAddress.IsLoopback(literal) : IsLocalhostName(host);

    private static bool IsLocalhostName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsNat64(byte[] b)
    {
        if (b[0] != 0x00 || b[1] != 0x64 || b[2] != 0xff || b[3] != 0x9b)
        {
            return false;
        }

        for (var i = 4; i < 12; i++)
        {
            if (b[i] != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpecialV4(byte[] b) =>
        b[0] is 0 or 10 or 127 or >= 224
        || (b[0] == 100 && (b[1] & 0xc0) == 64)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && (b[1] & 0xf0) == 16)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || (b[0] == 198 && (b[1] & 0xfe) == 18);
}
