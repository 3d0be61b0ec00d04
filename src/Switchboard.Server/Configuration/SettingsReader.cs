using System.Globalization;
using System.Net;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Reads settings from <c>--flags</c> (which win) and <c>SWITCHBOARD_*</c> environment variables, failing with a
/// message that names the setting.
/// </summary>
public static class SettingsReader
{
    /// <summary>Each setting: its flag, its variable, and its default.</summary>
    public static readonly IReadOnlyList<(string Flag, string Variable, string? Default)> Table =
    [
        ("--http", "SWITCHBOARD_HTTP", "127.0.0.1:8080"),
        ("--sip", "SWITCHBOARD_SIP", "0.0.0.0:5060"),
        ("--public-ip", "SWITCHBOARD_PUBLIC_IP", null),
        ("--rtp-ports", "SWITCHBOARD_RTP_PORTS", "20000-29999"),
        ("--data", "SWITCHBOARD_DATA", "./data"),
        ("--db", "SWITCHBOARD_DB", null),
        ("--api-key", "SWITCHBOARD_API_KEY", null),
        ("--default-carrier", "SWITCHBOARD_DEFAULT_CARRIER", null),
        ("--media-timeout", "SWITCHBOARD_MEDIA_TIMEOUT", "30"),
        ("--allow-private-urls", "SWITCHBOARD_ALLOW_PRIVATE_URLS", "false"),
    ];

    /// <exception cref="SettingsException">A setting is malformed or a flag is unknown.</exception>
    public static SwitchboardSettings Read(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var values = Table.ToDictionary(row => row.Flag, row => Empty(environment(row.Variable)) ?? row.Default);
        for (var i = 0; i < args.Count; i++)
        {
            var (flag, inline) = SplitFlag(args[i]);
            if (!values.ContainsKey(flag))
            {
                throw new SettingsException($"unknown option '{args[i]}' (known: {string.Join(", ", Table.Select(row => row.Flag))})");
            }

            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new SettingsException($"{flag} needs a value"));
            values[flag] = Empty(value);
        }

        var (rtpMin, rtpMax) = ParsePortRange(values["--rtp-ports"]!, "SWITCHBOARD_RTP_PORTS");
        var publicIp = values["--public-ip"];
        if (publicIp is not null && !IPAddress.TryParse(publicIp, out _))
        {
            throw new SettingsException($"SWITCHBOARD_PUBLIC_IP: '{publicIp}' is not an IP address");
        }

        var carrier = values["--default-carrier"];
        if (carrier is not null && !carrier.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            throw new SettingsException($"SWITCHBOARD_DEFAULT_CARRIER: '{carrier}' is not a sip: URI");
        }

        return new SwitchboardSettings(
            ParseEndPoint(values["--http"]!, "SWITCHBOARD_HTTP"),
            ParseEndPoint(values["--sip"]!, "SWITCHBOARD_SIP"),
            publicIp,
            rtpMin,
            rtpMax,
            values["--data"]!,
            values["--db"],
            values["--api-key"],
            carrier)
        {
            MediaTimeout = ParseSeconds(values["--media-timeout"]!, "SWITCHBOARD_MEDIA_TIMEOUT"),
            AllowPrivateUrls = ParseBoolean(values["--allow-private-urls"]!, "SWITCHBOARD_ALLOW_PRIVATE_URLS"),
        };
    }

    private static (string Flag, string? Inline) SplitFlag(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (arg, null) : (arg[..equals], arg[(equals + 1)..]);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Port 0 asks the OS for a free port (tests use it); the bound port is printed at start.
    private static IPEndPoint ParseEndPoint(string text, string name) =>
        text.Contains(':', StringComparison.Ordinal) && IPEndPoint.TryParse(text, out var endPoint)
            ? endPoint
            : throw new SettingsException($"{name}: '{text}' is not host:port with an IP host");

    // 0 turns the timeout off; fractions are allowed (tests use short ones).
    private static TimeSpan ParseSeconds(string text, string name) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86_400
            ? seconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds)
            : throw new SettingsException($"{name}: '{text}' is not a number of seconds from 0 (off) to 86400");

    private static bool ParseBoolean(string text, string name) => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw new SettingsException($"{name}: '{text}' is not true or false"),
    };

    private static (int Min, int Max) ParsePortRange(string text, string name)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min is >= 1024 and <= 65534 && max <= 65535 && max - min >= 1)
        {
            return (min, max);
        }

        throw new SettingsException($"{name}: '{text}' is not a port range low-high within 1024-65535");
    }
}
