using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The SIP user agent the call engine uses: places outbound calls, hands inbound ones to
/// <see cref="InboundCalls"/>, and answers the requests a UA must (RFC 3261 §8.2). One instance per listen address.
/// </summary>
public sealed class SipUserAgent : IAsyncDisposable, ISipTransportHandler
{
    private readonly SipUserAgentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly LocalAddressResolver _addresses;
    private readonly SipCallRegistry _calls = new();
    private IInboundCallHandler? _inboundCalls;
    private ISipTransport? _transport;
    private SipTransactionLayer? _transactions;
    private InboundRequestHandler? _inbound;
    private long _droppedMessages;

    public SipUserAgent(SipUserAgentOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<SipUserAgent>();
        _addresses = new LocalAddressResolver(options);
    }

    /// <summary>The bound UDP address (with the actual port when port 0 was configured).</summary>
    public IPEndPoint LocalEndPoint => Transport.LocalEndPoint;

    /// <summary>Datagrams that could not be parsed (or answered) and were dropped.</summary>
    public long DroppedMessageCount => Interlocked.Read(ref _droppedMessages);

    /// <summary>Calls not yet ended.</summary>
    public int ActiveCallCount => _calls.Count;

    /// <summary>RFC 3261 timer values; settable before <see cref="StartAsync"/> (tests shorten them).</summary>
    public SipTimerSettings Timers { get; init; } = SipTimerSettings.Default;

    /// <summary>
    /// Takes new inbound calls. May be set at any time (the engine usually sets it before <see cref="StartAsync"/>);
    /// while null, INVITEs are refused with 480 Temporarily Unavailable.
    /// </summary>
    public IInboundCallHandler? InboundCalls
    {
        get => Volatile.Read(ref _inboundCalls);
        set => Volatile.Write(ref _inboundCalls, value);
    }

    internal TimeProvider Time => _timeProvider;

    internal ILogger Logger => _logger;

    internal bool IsReliable => Transport.IsReliable;

    internal SipCallRegistry Calls => _calls;

    internal SipTransactionLayer Transactions => _transactions ?? throw new InvalidOperationException("The user agent is not started.");

    private ISipTransport Transport => _transport ?? throw new InvalidOperationException("The user agent is not started.");

    /// <summary>Binds the UDP transport and starts receiving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_transport is not null)
        {
            throw new InvalidOperationException("The user agent is already started.");
        }

        var transport = new UdpSipTransport(_options.ListenEndPoint, _loggerFactory.CreateLogger<UdpSipTransport>());
        _transactions = new SipTransactionLayer(transport, _timeProvider, Timers, _loggerFactory.CreateLogger<SipTransactionLayer>());
        _inbound = new InboundRequestHandler(this, _transactions, transport, _logger);
        _transport = transport;
        await transport.StartAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an INVITE for <paramref name="request"/> and reports its progress to <paramref name="observer"/>.
    /// Throws <see cref="ArgumentException"/> when the target is not a SIP URI; an unreachable target is reported
    /// as <see cref="SipCallRejected"/> 503.
    /// </summary>
    public OutboundCall PlaceCall(OutboundCallRequest request, ISipCallObserver observer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        if (!SipUri.TryParse(request.TargetUri, out var target, out var error))
        {
            throw new ArgumentException($"Invalid target URI: {error}", nameof(request));
        }

        var destination = ResolveNextHop(target);
        var localHost = destination is null ? _addresses.GetHostToward(IPAddress.Loopback) : _addresses.GetHostToward(destination.Address);
        var invite = SipRequestFactory.CreateInvite(request, target, localHost, LocalEndPoint.Port);
        var call = new OutboundCall(this, observer, invite, destination ?? new IPEndPoint(IPAddress.None, 0), localHost, request.Credentials);
        _calls.Add(call);
        Log.PlacingCall(_logger, call.CallId, request.TargetUri);
        if (destination is null)
        {
            call.InviteUser.OnFailure(SipTransactionFailure.TransportError);
            return call;
        }

        Transactions.SendInvite(invite, destination, call.InviteUser);
        return call;
    }

    /// <summary>
    /// Stops the transport and all transaction timers. Calls still up are not hung up: the engine ends them
    /// first (their <see cref="SipCall.Completion"/> stays pending otherwise).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _transactions?.StopAll();
        if (_transport is not null)
        {
            await _transport.DisposeAsync().ConfigureAwait(false);
        }
    }

    void ISipTransportHandler.OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote)
    {
        // Header values are slices of the datagram, so it is copied out of the receive buffer once.
        var result = SipParser.Parse(message.ToArray());
        if (result.Error is { Kind: SipParseErrorKind.Empty })
        {
            return;
        }

        switch (result.Message)
        {
            case SipRequest request:
                SipResponseRouting.StampTopVia(request, remote);
                _inbound!.Handle(request, result.Error, remote);
                break;
            case SipResponse response when result.Error is null:
                HandleResponse(response, remote);
                break;
            default:
                CountDropped(remote, result.Error?.Reason ?? "unknown");
                break;
        }
    }

    internal void CountDropped(IPEndPoint remote, string reason)
    {
        Interlocked.Increment(ref _droppedMessages);
        Log.DroppedMessage(_logger, remote, reason);
    }

    internal IPEndPoint? ResolveNextHop(SipUri uri) => NextHopResolver.TryResolve(uri, out var endPoint) ? endPoint : null;

    internal bool TrySend(byte[] message, IPEndPoint destination)
    {
        try
        {
            Transport.Send(message, destination);
            return true;
        }
        catch (SocketException ex)
        {
            Log.SendFailed(_logger, destination, ex.SocketErrorCode);
            return false;
        }
    }

    internal string GetLocalHostToward(IPAddress target) => _addresses.GetHostToward(target);

    internal void OnCallEnded(SipCall call)
    {
        _calls.Remove(call);
        Log.CallEnded(_logger, call.CallId);
    }

    private void HandleResponse(SipResponse response, IPEndPoint remote)
    {
        if (Transactions.TryHandleResponse(response))
        {
            return;
        }

        // RFC 3261 §13.2.2.4: a 2xx retransmitted after the INVITE transaction is gone still needs an ACK. Our
        // requests carry our tag in From, so it finds the call of either direction.
        if (response.IsSuccess && response.CSeq?.Method == SipMethod.Invite && _calls.Find(response.CallId, response.From?.Tag) is { } call)
        {
            call.OnStraySuccess(response);
            return;
        }

        Log.UnmatchedResponse(_logger, response.StatusCode, remote);
    }
}
