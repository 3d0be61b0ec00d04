using System.Globalization;
using static Switchboard.Server.Configuration.SettingValues;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Every setting, in the order <c>--help</c> lists them. Each reads its default from
/// <see cref="SwitchboardSettings.Defaults"/>, so no default is written twice.
/// </summary>
public static class SettingsCatalog
{
    /// <summary>Every setting.</summary>
    public static IReadOnlyList<Setting> All { get; } =
    [
        new("--http", "HTTP listen address host:port (the API and /health)", s => s.Http.ToString(), (s, v) => s with { Http = EndPoint(v) }),
        new("--sip", "SIP listen address host:port, UDP and TCP", s => s.Sip.ToString(), (s, v) => s with { Sip = EndPoint(v) }),
        new("--public-ip", "address written into SDP and Contact when peers reach this host by another (NAT)", s => s.PublicIp, (s, v) => s with { PublicIp = Address(v) }),
        new("--rtp-ports", "RTP port range low-high", s => $"{s.RtpPortMin}-{s.RtpPortMax}", (s, v) => WithRtpPorts(s, PortRange(v))),
        new("--data", "data directory: SQLite database, recordings, prompt cache", s => s.DataDirectory, (s, v) => s with { DataDirectory = v }),
        new("--db", "database: empty for SQLite in the data directory", s => s.Database, (s, v) => s with { Database = NullIfEmpty(v) }),
        new("--api-key", "ensures this admin API key exists for the default account (else one is generated at first start and printed once)", s => s.ApiKey, (s, v) => s with { ApiKey = NullIfEmpty(v) }),
        new("--default-carrier", "SIP URI of the trunk for phone targets when no carrier is named, e.g. sip:127.0.0.1:5070", s => s.DefaultCarrier, (s, v) => s with { DefaultCarrier = SipUri(v) }),
        new("--sip-tcp-max-connections", "SIP over TCP: inbound connections open at once", s => Show(s.SipTcp.MaxConnections), (s, v) => s with { SipTcp = s.SipTcp with { MaxConnections = Count(v, 1, 1_000_000) } }),
        new("--sip-tcp-max-per-address", "SIP over TCP: inbound connections from one address", s => Show(s.SipTcp.MaxConnectionsPerAddress), (s, v) => s with { SipTcp = s.SipTcp with { MaxConnectionsPerAddress = Count(v, 1, 1_000_000) } }),
        new("--sip-tcp-idle-timeout", "SIP over TCP: seconds a connection may carry no message", s => Setting.Format(s.SipTcp.IdleTimeout), (s, v) => s with { SipTcp = s.SipTcp with { IdleTimeout = Seconds(v, 1, 86_400) } }),
        new("--sip-tcp-message-timeout", "SIP over TCP: seconds a message may take to arrive whole", s => Setting.Format(s.SipTcp.MessageTimeout), (s, v) => s with { SipTcp = s.SipTcp with { MessageTimeout = Seconds(v, 0.1, 300) } }),
        new("--http-max-connections", "HTTP connections open at once", s => Show(s.HttpMaxConnections), (s, v) => s with { HttpMaxConnections = Count(v, 1, 1_000_000) }),
        new("--http-keep-alive-timeout", "seconds an HTTP connection may wait for its next request", s => Setting.Format(s.HttpKeepAliveTimeout), (s, v) => s with { HttpKeepAliveTimeout = Seconds(v, 1, 3600) }),
        new("--http-header-timeout", "seconds a request's headers may take to arrive", s => Setting.Format(s.HttpHeaderTimeout), (s, v) => s with { HttpHeaderTimeout = Seconds(v, 1, 300) }),
        new("--max-request-bytes", "the largest HTTP request body accepted", s => Show(s.MaxRequestBytes), (s, v) => s with { MaxRequestBytes = Bytes(v, 1024, 1L << 30) }),
        new("--media-timeout", "seconds an answered call may hear no RTP or RTCP before it is hung up; 0 turns it off", s => Setting.Format(s.MediaTimeout), (s, v) => s with { MediaTimeout = SecondsOrOff(v, 86_400) }),
        new("--allow-private-urls", "whether audio URLs may lead to loopback or private addresses", s => Flag(s.AllowPrivateUrls), (s, v) => s with { AllowPrivateUrls = Boolean(v) }),
        new("--refuse-private-webhooks", "whether webhooks to loopback or private addresses are refused", s => Flag(s.RefusePrivateWebhooks), (s, v) => s with { RefusePrivateWebhooks = Boolean(v) }),
        new("--max-cps", "new calls per second per account", s => Setting.Format(s.CallsPerSecondPerAccount), (s, v) => s with { CallsPerSecondPerAccount = Number(v, 0.01, 100_000) }),
        new("--max-concurrent-calls", "live calls per account", s => Show(s.ConcurrentCallsPerAccount), (s, v) => s with { ConcurrentCallsPerAccount = Count(v, 1, 1_000_000) }),
        new("--max-calls", "live calls on the server", s => Show(s.MaxLiveCalls), (s, v) => s with { MaxLiveCalls = Count(v, 1, 1_000_000) }),
        new("--max-call-duration", "seconds an answered call lasts at most unless it asks for less", s => Setting.Format(s.MaxCallDuration), (s, v) => s with { MaxCallDuration = Seconds(v, 1, 7 * 86_400) }),
        new("--shutdown-grace", "seconds shutdown lets live calls finish before hanging them up", s => Setting.Format(s.ShutdownGrace), (s, v) => s with { ShutdownGrace = Seconds(v, 0, 3600) }),
        new("--webhook-timeout", "seconds a hook whose answer the call needs may take", s => Setting.Format(s.WebhookTimeout), (s, v) => s with { WebhookTimeout = Seconds(v, 0.1, 60) }),
        new("--webhook-attempt-timeout", "seconds one attempt at a notification may take", s => Setting.Format(s.WebhookAttemptTimeout), (s, v) => s with { WebhookAttemptTimeout = Seconds(v, 0.1, 300) }),
        new("--webhook-retry-for", "seconds a failing notification is retried from its first attempt", s => Setting.Format(s.WebhookRetryFor), (s, v) => s with { WebhookRetryFor = Seconds(v, 0, 7 * 86_400) }),
        new("--webhook-secret-grace", "seconds a rotated-out webhook secret still signs", s => Setting.Format(s.WebhookSecretGrace), (s, v) => s with { WebhookSecretGrace = Seconds(v, 0, 30 * 86_400) }),
        new("--webhook-max-answer-bytes", "the largest answer read from a hook whose answer the call needs", s => Show(s.WebhookMaxAnswerBytes), (s, v) => s with { WebhookMaxAnswerBytes = Bytes(v, 1024, 1L << 30) }),
        new("--audio-max-bytes", "the largest audio file fetched for play", s => Show(s.AudioMaxBytes), (s, v) => s with { AudioMaxBytes = Bytes(v, 1024, 1L << 30) }),
        new("--speech-recognizer", "speech recognition engine when a verb names none: pocketsphinx (offline) or openai", s => s.SpeechRecognizer, (s, v) => s with { SpeechRecognizer = Recognizer(v) }),
        new("--speech-language", "language speech input is recognised in when nothing names one", s => s.SpeechLanguage, (s, v) => s with { SpeechLanguage = v }),
        new("--metrics", "whether /metrics serves the server's metrics for Prometheus (behind the API key)", s => Flag(s.Metrics), (s, v) => s with { Metrics = Boolean(v) }),
        new("--otlp-endpoint", "base URL of an OpenTelemetry collector for metrics and traces, OTLP/HTTP, e.g. http://127.0.0.1:4318 (else OTEL_EXPORTER_OTLP_ENDPOINT)", s => s.OtlpEndpoint?.ToString(), (s, v) => s with { OtlpEndpoint = HttpUrl(v) }),
        new("--log-format", "text (one readable line per message) or json (one JSON object per line, values and scopes as fields)", s => s.LogFormat, (s, v) => s with { LogFormat = LogFormat(v) }),
    ];

    private static SwitchboardSettings WithRtpPorts(SwitchboardSettings settings, (int Min, int Max) ports) =>
        settings with { RtpPortMin = ports.Min, RtpPortMax = ports.Max };

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "true" : "false";
}
