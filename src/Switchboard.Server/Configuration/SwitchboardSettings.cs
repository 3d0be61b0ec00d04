using System.Net;
using Switchboard.Sip.Transport;

namespace Switchboard.Server.Configuration;

/// <summary>The server's settings, validated (see docs for each <c>SWITCHBOARD_*</c> variable).</summary>
public sealed record SwitchboardSettings(
    IPEndPoint Http,
    IPEndPoint Sip,
    string? PublicIp,
    int RtpPortMin,
    int RtpPortMax,
    string DataDirectory,
    string? Database,
    string? ApiKey,
    string? DefaultCarrier)
{
    /// <summary>
    /// Every setting at its default; <see cref="SettingsCatalog"/> shows these in <c>--help</c>, and values read
    /// from a file, variables and flags are applied over them.
    /// </summary>
    public static SwitchboardSettings Defaults { get; } = new(
        Http: IPEndPoint.Parse("127.0.0.1:8080"),
        Sip: IPEndPoint.Parse("0.0.0.0:5060"),
        PublicIp: null,
        RtpPortMin: 20000,
        RtpPortMax: 29999,
        DataDirectory: "./data",
        Database: null,
        ApiKey: null,
        DefaultCarrier: null);

    /// <summary>
    /// SIP over TCP: inbound connections in total (<c>SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS</c>) and per address
    /// (<c>SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS</c>), the idle timeout (<c>SWITCHBOARD_SIP_TCP_IDLE_TIMEOUT</c>) and the
    /// time a message may take to arrive whole (<c>SWITCHBOARD_SIP_TCP_MESSAGE_TIMEOUT</c>).
    /// </summary>
    public SipTcpLimits SipTcp { get; init; } = SipTcpLimits.Default;

    /// <summary>SWITCHBOARD_HTTP_MAX_CONNECTIONS: HTTP connections open at once; more wait in the listen backlog.</summary>
    public int HttpMaxConnections { get; init; } = 1000;

    /// <summary>SWITCHBOARD_HTTP_KEEP_ALIVE_TIMEOUT: how long an HTTP connection may wait for its next request.</summary>
    public TimeSpan HttpKeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>SWITCHBOARD_HTTP_HEADER_TIMEOUT: how long a request's headers may take to arrive.</summary>
    public TimeSpan HttpHeaderTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an answered call may hear no RTP or RTCP before it is hung up (<c>SWITCHBOARD_MEDIA_TIMEOUT</c>);
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan MediaTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether audio URLs may lead to loopback, private, link-local, multicast or unique-local addresses
    /// (<c>SWITCHBOARD_ALLOW_PRIVATE_URLS</c>); off by default so a call script cannot probe the internal network.
    /// </summary>
    public bool AllowPrivateUrls { get; init; }

    /// <summary>
    /// Whether webhooks to loopback, private, link-local, multicast or unique-local addresses are refused
    /// (<c>SWITCHBOARD_REFUSE_PRIVATE_WEBHOOKS</c>). Off by default: applications usually live on the same private
    /// network as the server; a multi-tenant server whose tenants set their own hooks turns it on.
    /// </summary>
    public bool RefusePrivateWebhooks { get; init; }
    /// <summary>SWITCHBOARD_MAX_CPS: new calls per second per account.</summary>
    public double CallsPerSecondPerAccount { get; init; } = 10;

    /// <summary>SWITCHBOARD_MAX_CONCURRENT_CALLS: live calls per account.</summary>
    public int ConcurrentCallsPerAccount { get; init; } = 100;

    /// <summary>SWITCHBOARD_MAX_CALLS: live calls on the server.</summary>
    public int MaxLiveCalls { get; init; } = 1000;

    /// <summary>SWITCHBOARD_MAX_CALL_DURATION: the longest an answered call lasts unless it asks for less.</summary>
    public TimeSpan MaxCallDuration { get; init; } = TimeSpan.FromHours(4);

    /// <summary>SWITCHBOARD_SHUTDOWN_GRACE: how long shutdown lets live calls finish before hanging them up.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>SWITCHBOARD_WEBHOOK_TIMEOUT: how long a hook whose answer the call needs may take (jambonz waits 10 s too).</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>SWITCHBOARD_WEBHOOK_ATTEMPT_TIMEOUT: how long one attempt at a notification may take.</summary>
    public TimeSpan WebhookAttemptTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>SWITCHBOARD_WEBHOOK_RETRY_FOR: how long a failing notification is retried from its first attempt.</summary>
    public TimeSpan WebhookRetryFor { get; init; } = TimeSpan.FromHours(1);

    /// <summary>SWITCHBOARD_WEBHOOK_SECRET_GRACE: how long a rotated-out webhook secret still signs.</summary>
    public TimeSpan WebhookSecretGrace { get; init; } = TimeSpan.FromHours(24);

    /// <summary>SWITCHBOARD_WEBHOOK_MAX_ANSWER_BYTES: the largest answer read from a hook whose answer the call needs.</summary>
    public long WebhookMaxAnswerBytes { get; init; } = 1024 * 1024;

    /// <summary>SWITCHBOARD_AUDIO_MAX_BYTES: the largest audio file fetched for <c>play</c>.</summary>
    public long AudioMaxBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>SWITCHBOARD_MAX_REQUEST_BYTES: the largest HTTP request body accepted.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// SWITCHBOARD_SPEECH_RECOGNIZER: the engine for speech input that names none (<c>pocketsphinx</c>, offline;
    /// or <c>openai</c>, with each account's speech credential).
    /// </summary>
    public string SpeechRecognizer { get; init; } = "pocketsphinx";

    /// <summary>SWITCHBOARD_SPEECH_LANGUAGE: the language speech input is recognised in when nothing names one.</summary>
    public string SpeechLanguage { get; init; } = "en-US";

    /// <summary>
    /// SWITCHBOARD_LOG_FORMAT: <c>text</c>, one readable line per message, or <c>json</c>, one JSON object per line
    /// (with the message's values and scopes as fields) for a log collector.
    /// </summary>
    public string LogFormat { get; init; } = LogFormats.Text;

    /// <summary>
    /// SWITCHBOARD_METRICS: whether <c>/metrics</c> serves the server's metrics in the Prometheus text format (behind
    /// the API key).
    /// </summary>
    public bool Metrics { get; init; } = true;

    /// <summary>
    /// SWITCHBOARD_OTLP_ENDPOINT: the base URL of an OpenTelemetry collector (OTLP over HTTP with protobuf, e.g.
    /// <c>http://127.0.0.1:4318</c>) that receives metrics and traces; none by default (the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is honoured when this is not set).
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>
    /// The <c>appsettings.json</c> the settings were read from, if any; the host reads its other sections too
    /// (<c>Logging</c> levels per category).
    /// </summary>
    public string? ConfigurationFile { get; init; }

    /// <summary>The address written into SDP and Contact: the public IP, else the SIP listen address, else this host's.</summary>
    public string AdvertisedAddress => PublicIp
        ?? (Sip.Address.Equals(IPAddress.Any) ? HostAddress.Primary().ToString() : Sip.Address.ToString());
}
