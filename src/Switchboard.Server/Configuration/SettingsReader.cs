using System.Globalization;
using System.Net;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Sip.Transport;

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
        ("--sip-tcp-max-connections", "SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS", "1000"),
        ("--sip-tcp-max-per-address", "SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS", "50"),
        ("--sip-tcp-idle-timeout", "SWITCHBOARD_SIP_TCP_IDLE_TIMEOUT", "30"),
        ("--sip-tcp-message-timeout", "SWITCHBOARD_SIP_TCP_MESSAGE_TIMEOUT", "5"),
        ("--http-max-connections", "SWITCHBOARD_HTTP_MAX_CONNECTIONS", "1000"),
        ("--http-keep-alive-timeout", "SWITCHBOARD_HTTP_KEEP_ALIVE_TIMEOUT", "30"),
        ("--http-header-timeout", "SWITCHBOARD_HTTP_HEADER_TIMEOUT", "10"),
        ("--public-ip", "SWITCHBOARD_PUBLIC_IP", null),
        ("--rtp-ports", "SWITCHBOARD_RTP_PORTS", "20000-29999"),
        ("--data", "SWITCHBOARD_DATA", "./data"),
        ("--db", "SWITCHBOARD_DB", null),
        ("--api-key", "SWITCHBOARD_API_KEY", null),
        ("--default-carrier", "SWITCHBOARD_DEFAULT_CARRIER", null),
        ("--media-timeout", "SWITCHBOARD_MEDIA_TIMEOUT", "30"),
        ("--allow-private-urls", "SWITCHBOARD_ALLOW_PRIVATE_URLS", "false"),
        ("--refuse-private-webhooks", "SWITCHBOARD_REFUSE_PRIVATE_WEBHOOKS", "false"),
        ("--max-cps", "SWITCHBOARD_MAX_CPS", "10"),
        ("--max-concurrent-calls", "SWITCHBOARD_MAX_CONCURRENT_CALLS", "100"),
        ("--max-calls", "SWITCHBOARD_MAX_CALLS", "1000"),
        ("--max-call-duration", "SWITCHBOARD_MAX_CALL_DURATION", "14400"),
        ("--shutdown-grace", "SWITCHBOARD_SHUTDOWN_GRACE", "30"),
        ("--webhook-timeout", "SWITCHBOARD_WEBHOOK_TIMEOUT", "10"),
        ("--webhook-attempt-timeout", "SWITCHBOARD_WEBHOOK_ATTEMPT_TIMEOUT", "15"),
        ("--webhook-retry-for", "SWITCHBOARD_WEBHOOK_RETRY_FOR", "3600"),
        ("--webhook-secret-grace", "SWITCHBOARD_WEBHOOK_SECRET_GRACE", "86400"),
        ("--webhook-max-answer-bytes", "SWITCHBOARD_WEBHOOK_MAX_ANSWER_BYTES", "1048576"),
        ("--audio-max-bytes", "SWITCHBOARD_AUDIO_MAX_BYTES", "16777216"),
        ("--max-request-bytes", "SWITCHBOARD_MAX_REQUEST_BYTES", "1048576"),
        ("--speech-recognizer", "SWITCHBOARD_SPEECH_RECOGNIZER", "pocketsphinx"),
        ("--speech-language", "SWITCHBOARD_SPEECH_LANGUAGE", "en-US"),
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
            SipTcp = ReadSipTcpLimits(values),
            HttpMaxConnections = (int)ParseNumber(values["--http-max-connections"]!, "SWITCHBOARD_HTTP_MAX_CONNECTIONS", 1, 1_000_000),
            HttpKeepAliveTimeout = ParseSeconds(values["--http-keep-alive-timeout"]!, "SWITCHBOARD_HTTP_KEEP_ALIVE_TIMEOUT", 1, 3600),
            HttpHeaderTimeout = ParseSeconds(values["--http-header-timeout"]!, "SWITCHBOARD_HTTP_HEADER_TIMEOUT", 1, 300),
            MediaTimeout = ParseTimeoutSeconds(values["--media-timeout"]!, "SWITCHBOARD_MEDIA_TIMEOUT"),
            AllowPrivateUrls = ParseBoolean(values["--allow-private-urls"]!, "SWITCHBOARD_ALLOW_PRIVATE_URLS"),
            RefusePrivateWebhooks = ParseBoolean(values["--refuse-private-webhooks"]!, "SWITCHBOARD_REFUSE_PRIVATE_WEBHOOKS"),
            CallsPerSecondPerAccount = ParseNumber(values["--max-cps"]!, "SWITCHBOARD_MAX_CPS", 0.01, 100_000),
            ConcurrentCallsPerAccount = (int)ParseNumber(values["--max-concurrent-calls"]!, "SWITCHBOARD_MAX_CONCURRENT_CALLS", 1, 1_000_000),
            MaxLiveCalls = (int)ParseNumber(values["--max-calls"]!, "SWITCHBOARD_MAX_CALLS", 1, 1_000_000),
            MaxCallDuration = ParseSeconds(values["--max-call-duration"]!, "SWITCHBOARD_MAX_CALL_DURATION", 1, 7 * 86_400),
            ShutdownGrace = ParseSeconds(values["--shutdown-grace"]!, "SWITCHBOARD_SHUTDOWN_GRACE", 0, 3600),
            WebhookTimeout = ParseSeconds(values["--webhook-timeout"]!, "SWITCHBOARD_WEBHOOK_TIMEOUT", 0.1, 60),
            WebhookAttemptTimeout = ParseSeconds(values["--webhook-attempt-timeout"]!, "SWITCHBOARD_WEBHOOK_ATTEMPT_TIMEOUT", 0.1, 300),
            WebhookRetryFor = ParseSeconds(values["--webhook-retry-for"]!, "SWITCHBOARD_WEBHOOK_RETRY_FOR", 0, 7 * 86_400),
            WebhookSecretGrace = ParseSeconds(values["--webhook-secret-grace"]!, "SWITCHBOARD_WEBHOOK_SECRET_GRACE", 0, 30 * 86_400),
            WebhookMaxAnswerBytes = (long)ParseNumber(values["--webhook-max-answer-bytes"]!, "SWITCHBOARD_WEBHOOK_MAX_ANSWER_BYTES", 1024, 1L << 30),
            AudioMaxBytes = (long)ParseNumber(values["--audio-max-bytes"]!, "SWITCHBOARD_AUDIO_MAX_BYTES", 1024, 1L << 30),
            MaxRequestBytes = (long)ParseNumber(values["--max-request-bytes"]!, "SWITCHBOARD_MAX_REQUEST_BYTES", 1024, 1L << 30),
            SpeechRecognizer = ParseRecognizer(values["--speech-recognizer"]!),
            SpeechLanguage = values["--speech-language"]!,
        };
    }

    private static string ParseRecognizer(string value) =>
        value.ToLowerInvariant() is RecognizerVendors.PocketSphinx or RecognizerVendors.OpenAi
            ? value.ToLowerInvariant()
            : throw new SettingsException($"SWITCHBOARD_SPEECH_RECOGNIZER must be {RecognizerVendors.PocketSphinx} or {RecognizerVendors.OpenAi}, not '{value}'");

    /// <summary>The usage text for <c>--help</c>: every flag with its variable and default.</summary>
    public static string Help()
    {
        var lines = new List<string> { "usage: switchboard [--flag value | --flag=value]...", "Each flag can also be set by its environment variable; flags win.", string.Empty };
        lines.AddRange(Table.Select(row => $"  {row.Flag,-30} {row.Variable,-40} default: {row.Default ?? "(none)"}"));
        return string.Join(Environment.NewLine, lines);
    }

    private static SipTcpLimits ReadSipTcpLimits(Dictionary<string, string?> values)
    {
        var limits = new SipTcpLimits
        {
            MaxConnections = (int)ParseNumber(values["--sip-tcp-max-connections"]!, "SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS", 1, 1_000_000),
            MaxConnectionsPerAddress = (int)ParseNumber(values["--sip-tcp-max-per-address"]!, "SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS", 1, 1_000_000),
            IdleTimeout = ParseSeconds(values["--sip-tcp-idle-timeout"]!, "SWITCHBOARD_SIP_TCP_IDLE_TIMEOUT", 1, 86_400),
            MessageTimeout = ParseSeconds(values["--sip-tcp-message-timeout"]!, "SWITCHBOARD_SIP_TCP_MESSAGE_TIMEOUT", 0.1, 300),
        };

        return limits.MaxConnectionsPerAddress <= limits.MaxConnections
            ? limits
            : throw new SettingsException($"SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS: {limits.MaxConnectionsPerAddress} exceeds SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS ({limits.MaxConnections})");
    }

    private static double ParseNumber(string text, string name, double min, double max) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new SettingsException($"{name}: '{text}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    private static TimeSpan ParseSeconds(string text, string name, double min, double max) =>
        TimeSpan.FromSeconds(ParseNumber(text, name + " (seconds)", min, max));

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
    private static TimeSpan ParseTimeoutSeconds(string text, string name) =>
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
