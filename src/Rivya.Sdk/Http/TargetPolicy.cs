using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Rivya.Sdk.Common;

namespace Rivya.Sdk.Http;

/// <summary>
/// Where one result download may go: https only (plain http only to loopback, and only when the API itself is on
/// plain-http loopback: the fake server, tests), never from https down to http, and no loopback, private, link-local,
/// unique-local or unspecified address unless the API is itself on loopback or the caller opted in
/// (<see cref="DownloadOptions.AllowPrivateAddresses"/>). Judged on each URL before it is requested, on the names'
/// DNS answers, and on the address actually connected (<c>ConnectGate</c>, net8.0 and later).
/// </summary>
internal sealed class TargetPolicy
{
    public const string HttpsOnly = "result URLs and redirects must be https";
    public const string NoDowngrade = "a redirect must not go from https to http";
    public const string NoPrivate = "no loopback, private, link-local or unspecified address (DownloadOptions.AllowPrivateAddresses)";

    private readonly string _taskId;

    public TargetPolicy(Uri apiBase, bool allowPrivate, string taskId)
    {
        var apiOnLoopback = SpecialAddress.IsLoopbackHost(apiBase.Host);
        PlainHttpToLoopback = apiOnLoopback && apiBase.Scheme == Uri.UriSchemeHttp;
        AllowPrivate = apiOnLoopback || allowPrivate;
        _taskId = taskId;
    }

    /// <summary>The API is on plain-http loopback: http is allowed, to loopback only.</summary>
    public bool PlainHttpToLoopback { get; }

    /// <summary>Loopback and private addresses are allowed (the API is on loopback, or the caller opted in).</summary>
    public bool AllowPrivate { get; }

    /// <summary>Checks <paramref name="url"/> (reached from <paramref name="previous"/>, null for the first) before it is requested.</summary>
    /// <exception cref="RivyaDownloadException">A rule refuses it; nothing was sent to it.</exception>
    public void Check(Uri url, Uri? previous)
    {
        if (previous is { Scheme: "https" } && url.Scheme != Uri.UriSchemeHttps)
        {
            throw Refusal(NoDowngrade, url);
        }

        var https = url.Scheme == Uri.UriSchemeHttps;
        if (!https && !(url.Scheme == Uri.UriSchemeHttp && PlainHttpToLoopback && SpecialAddress.IsLoopbackHost(url.Host)))
        {
            throw Refusal(HttpsOnly, url);
        }

        if (!AllowPrivate && SpecialAddress.IsSpecialHost(url.Host))
        {
            throw Refusal(NoPrivate, url);
        }
    }

    /// <summary>
    /// Resolves a host name and refuses it when any of its addresses is special: the one check a caller's own
    /// <see cref="HttpClient"/> (and the netstandard2.0 build) gets; the SDK's handler checks the address it connects to.
    /// </summary>
    public async Task CheckNameAsync(Uri url, CancellationToken cancellationToken)
    {
        if (AllowPrivate || url.HostNameType != UriHostNameType.Dns)
        {
            return;
        }

        IPAddress[] addresses;
        try
        {
#if NET8_0_OR_GREATER
            addresses = await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
#else
            addresses = await Dns.GetHostAddressesAsync(url.IdnHost).ConfigureAwait(false);
#endif
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Unresolvable here: the request fails on its own (a connection error), or a caller's handler resolves it its
            // own way (a proxy); the SDK's handler still judges the address it connects to.
            return;
        }
        foreach (var address in addresses)
        {
            if (SpecialAddress.IsSpecial(address))
            {
                throw Refusal(NoPrivate, url);
            }
        }
    }

    /// <summary>Whether a connection to <paramref name="address"/> for a <paramref name="scheme"/> URL is refused.</summary>
    public bool Refuses(IPAddress address, string scheme) =>
        (scheme != Uri.UriSchemeHttps && !IPAddress.IsLoopback(address))
        || (!AllowPrivate && SpecialAddress.IsSpecial(address));

    /// <summary>The refusal, naming the rule and the target's scheme, host and port (never its path or query).</summary>
    public RivyaDownloadException Refusal(string rule, Uri target)
    {
        var where = SecretScrubber.EscapeControls(target.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped));
        return new RivyaDownloadException(
            $"Task {SecretScrubber.EscapeControls(_taskId)}'s result download refused {where}: {rule}. Nothing was fetched from it.",
            _taskId);
    }
}
