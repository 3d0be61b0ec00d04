using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Switchboard.Foundation.Work;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The SIP user agent the call engine uses: places outbound calls, hands inbound ones to
/// <see cref="InboundCalls"/>, and answers the requests a UA must (RFC 3261 §8.2). One instance per listen address.
/// </summary>
public sealed class SipUserAgent : IAsyncDisposable
{
    private readonly SipUserAgentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly LocalAddressResolver _addresses;
    private readonly SipCallRegistry _calls = new();
    private IInboundCallHandler? _inboundCalls;
    private SipRegistrar? _registrar;
    private SipTransports? _transports;
    private SipTransactionLayer? _transactions;
    private InboundRequestHandler? _inbound;
    private MalformedRequestRefusal? _refusal;
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

    /// <summary>The bound address (with the actual port when port 0 was configured); TCP listens on the same port.</summary>
    public IPEndPoint LocalEndPoint => Transports.Udp.LocalEndPoint;

    /// <summary>Datagrams that could not be parsed (or answered) and were dropped.</summary>
    public long DroppedMessageCount => Interlocked.Read(ref _droppedMessages);

    /// <summary>Calls not yet ended.</summary>
    public int ActiveCallCount => _calls.Count;

    /// <summary>Open TCP connections, for diagnostics and tests.</summary>
    public int TcpConnectionCount => _transports?.Tcp?.ConnectionCount ?? 0;

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

    /// <summary>
    /// Answers REGISTER requests (RFC 3261 §10.3) when set; while null they get 501 like any method we do not
    /// implement. Only REGISTER goes to it: INVITEs still go to <see cref="InboundCalls"/>.
    /// </summary>
    public SipRegistrar? Registrar
    {
        get => Volatile.Read(ref _registrar);
        set => Volatile.Write(ref _registrar, value);
    }

    internal TimeProvider Time => _timeProvider;

    internal ILogger Logger => _logger;

    internal SipCallRegistry Calls => _calls;

    internal SipTransactionLayer Transactions => _transactions ?? throw new InvalidOperationException("The user agent is not started.");

    internal SipTransports Transports => _transports ?? throw new InvalidOperationException("The user agent is not started.");

    /// <summary>Binds UDP and TCP on one port and starts receiving.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_transports is not null)
        {
            throw new InvalidOperationException("The user agent is already started.");
        }

        // The transaction layer and request handler must exist before the first datagram can arrive, so they are
        // built as each UDP attempt's inbox is (UDP is every transaction's default transport).
        _transports = await SipTransports.StartAsync(_options, _timeProvider, _loggerFactory, transport =>
        {
            if (transport is UdpSipTransport udp)
            {
                _transactions = new SipTransactionLayer(udp, _timeProvider, Timers, _loggerFactory.CreateLogger<SipTransactionLayer>());
                _refusal = new MalformedRequestRefusal(this, _logger);
                _inbound = new InboundRequestHandler(this, _transactions, _refusal, _logger);
            }

            return new TransportInbox(this, transport);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends an INVITE for <paramref name="request"/> over the transport its target names (UDP unless
    /// <c>transport=tcp</c>) and reports its progress to <paramref name="observer"/>. Throws
    /// <see cref="ArgumentException"/> when the target is not a SIP URI; a target that cannot be resolved or
    /// connected to is reported as <see cref="SipCallRejected"/> 503.
    /// </summary>
    public OutboundCall PlaceCall(OutboundCallRequest request, ISipCallObserver observer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        if (!SipUri.TryParse(request.TargetUri, out var target, out var error))
        {
            throw new ArgumentException($"Invalid target URI: {error}", nameof(request));
        }

        var to = target;
        if (request.ToUri is { } toUri && !SipUri.TryParse(toUri, out to, out error))
        {
            throw new ArgumentException($"Invalid To URI: {error}", nameof(request));
        }

        var hop = ResolveHop(target, null);
        var transport = hop?.Transport ?? Transports.Udp;
        var local = new SipLocalAddress(_addresses.GetHostToward(hop?.EndPoint.Address ?? IPAddress.Loopback), LocalEndPoint.Port, transport.Protocol);
        var invite = SipRequestFactory.CreateInvite(request, target, to, local);
        var call = new OutboundCall(this, observer, invite, hop ?? new SipNextHop(transport, new IPEndPoint(IPAddress.None, 0)), local, request.Credentials);
        _calls.Add(call);
        Log.PlacingCall(_logger, call.CallId, request.TargetUri);
        if (hop is not { } reachable)
        {
            call.InviteUser.OnFailure(SipTransactionFailure.TransportError);
            return call;
        }

        Transactions.SendInvite(invite, reachable.EndPoint, call.InviteUser, reachable.Transport);
        return call;
    }

    /// <summary>
    /// Sends a request outside any dialog (REGISTER, OPTIONS) on a new non-INVITE client transaction (RFC 3261
    /// §17.1.2); completes with its final response, or the timeout or transport error that ended it.
    /// </summary>
    internal Task<SipRequestOutcome> SendRequestAsync(SipRequest request, SipNextHop hop)
    {
        var outcome = new TaskCompletionSource<SipRequestOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        var user = new ClientTransactionCallback(
            response =>
            {
                if (!response.IsProvisional)
                {
                    outcome.TrySetResult(new SipRequestOutcome(response, null));
                }
            },
            failure => outcome.TrySetResult(new SipRequestOutcome(null, failure)));
        Transactions.SendRequest(request, hop.EndPoint, user, hop.Transport);
        return outcome.Task;
    }

    /// <summary>
    /// Stops the transports and all transaction timers. Calls still up are not hung up: the engine ends them
    /// first (their <see cref="SipCall.Completion"/> stays pending otherwise).
    /// </summary>
    /// <summary>Work the agent started off its receive threads (a REGISTER waiting for its credentials); awaited when it stops.</summary>
    internal TrackedTasks Background { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await Background.WhenAllAsync().ConfigureAwait(false);
        _transactions?.StopAll();
        if (_transports is not null)
        {
            await _transports.DisposeAsync().ConfigureAwait(false);
        }
    }

    internal void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote, ISipTransport transport)
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
                _inbound!.Handle(request, result.Error, remote, transport);
                break;
            case SipResponse response when result.Error is null:
                HandleResponse(response, remote);
                break;
            case null when result.Error?.Request is { } partial:
                SipResponseRouting.StampTopVia(partial, remote);
                _refusal!.Refuse(partial, result.Error, remote, transport);
                break;
            default:
                CountDropped(remote, result.Error?.Reason ?? "unknown");
                break;
        }
    }

    /// <summary>
    /// A request on a stream whose message cannot be framed: refused with the framing fault, never routed, even when
    /// its headers alone would parse (RFC 3261 §18.3: a stream message without Content-Length is malformed).
    /// </summary>
    internal void OnUnframedMessage(ReadOnlySpan<byte> headerSection, SipParseError error, IPEndPoint remote, ISipTransport transport)
    {
        var parsed = SipParser.Parse(headerSection.ToArray());
        var request = parsed.Message as SipRequest ?? (SipMessage?)parsed.Error?.Request;
        if (request is not null)
        {
            SipResponseRouting.StampTopVia(request, remote);
            _refusal!.Refuse(request, error, remote, transport);
        }
        else
        {
            CountDropped(remote, error.Reason);
        }
    }

    /// <summary>RFC 3261 §17.1.4: a connection that could not be made fails the transactions that needed it.</summary>
    internal void OnConnectionFailed(ISipTransport transport, IPEndPoint remote)
    {
        Log.ConnectionFailed(_logger, remote);
        _transactions?.FailClientTransactionsTo(transport, remote);
    }

    internal void CountDropped(IPEndPoint remote, string reason)
    {
        Interlocked.Increment(ref _droppedMessages);
        Log.DroppedMessage(_logger, remote, reason);
    }

    /// <summary>
    /// The transport and address for a request to <paramref name="uri"/> (a dialog's first route or remote target),
    /// or null when its transport is one we do not run or its host does not resolve.
    /// </summary>
    internal SipNextHop? ResolveHop(SipUri uri, ISipTransport? dialogTransport) =>
        Transports.For(uri, dialogTransport) is { } transport && NextHopResolver.TryResolve(uri, out var endPoint)
            ? new SipNextHop(transport, endPoint!)
            : null;

    internal bool TrySend(byte[] message, SipNextHop hop)
    {
        try
        {
            hop.Transport.Send(message, hop.EndPoint);
            return true;
        }
        catch (SocketException ex)
        {
            Log.SendFailed(_logger, hop.EndPoint, ex.SocketErrorCode);
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
