using Microsoft.AspNetCore.Server.Kestrel.Core;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Kestrel's limits, set explicitly rather than left to defaults that may change between versions, so that HTTP
/// clients cannot hold more connections, headers or slow bodies than the settings allow (docs/security.md).
/// </summary>
public static class KestrelLimitsSetup
{
    /// <summary>Request headers in total; Kestrel's default, which any API request fits many times over.</summary>
    public const int MaxRequestHeadersTotalSize = 32 * 1024;

    /// <summary>The slowest request body accepted after a grace period; a body dribbled slower ends with 408.</summary>
    public static readonly MinDataRate MinRequestBodyDataRate = new(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));

    /// <summary>Sets every connection and request limit on <paramref name="limits"/> from <paramref name="settings"/>.</summary>
    public static void Apply(KestrelServerLimits limits, SwitchboardSettings settings)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(settings);
        // Over the limit Kestrel accepts and closes the connection at once; the limit stays well below the
        // process's descriptor limit, beside the SIP connections and RTP sockets.
        limits.MaxConcurrentConnections = settings.HttpMaxConnections;

        // The API has no WebSocket or other upgraded endpoint: no connection may stay open upgraded.
        limits.MaxConcurrentUpgradedConnections = 0;
        limits.KeepAliveTimeout = settings.HttpKeepAliveTimeout;
        limits.RequestHeadersTimeout = settings.HttpHeaderTimeout;
        limits.MaxRequestHeadersTotalSize = MaxRequestHeadersTotalSize;
        limits.MaxRequestBodySize = settings.MaxRequestBytes;
        limits.MinRequestBodyDataRate = MinRequestBodyDataRate;
    }
}
