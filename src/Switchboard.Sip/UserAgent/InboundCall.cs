using System.Globalization;
using System.Net;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// One call we received (the UAS side, RFC 3261 §13.3): what the INVITE said, and the engine's answers to it. Every
/// action is thread-safe and returns false instead of throwing when a race (CANCEL, BYE, timeout) ended the call
/// first. Events arrive through the observer given to <see cref="Attach"/>; those that happen before it are kept.
/// </summary>
public sealed class InboundCall : SipCall
{
    private readonly SipRequest _invite;
    private readonly InviteServerTransaction _transaction;
    private readonly IPEndPoint _responseDestination;
    private IReadOnlyList<KeyValuePair<string, string>>? _headers;

    internal InboundCall(SipUserAgent agent, SipRequest invite, InviteServerTransaction transaction, IPEndPoint source, IPEndPoint responseDestination, SipLocalAddress local, ISipTransport transport)
        : base(agent, invite.CallId!, SipIdentifiers.NewTag(), local, transport, Transitions, SipCallState.Received)
    {
        _invite = invite;
        _transaction = transaction;
        _responseDestination = responseDestination;
        Source = source;
        SdpOffer = invite.Body.IsEmpty || !IsSdp(invite.ContentType) ? null : invite.BodyAsString();
    }

    /// <summary>The Request-URI: who the caller asked for.</summary>
    public SipUri RequestUri => _invite.RequestUri;

    /// <summary>The user part of the Request-URI without user parameters (<c>;npdi</c>, ...): the dialled number.</summary>
    public string? DialledNumber => UserWithoutParameters(RequestUri.User);

    public SipNameAddress From => _invite.From!;

    public SipNameAddress To => _invite.To!;

    /// <summary>The caller's user part (a number or a name), without user parameters.</summary>
    public string? FromUser => UserWithoutParameters(From.Uri.User);

    public string? FromDisplayName => From.DisplayName;

    /// <summary>Where the INVITE came from (the last hop, not necessarily the caller).</summary>
    public IPEndPoint Source { get; }

    /// <summary>Every header of the INVITE in received order, as (name, value); compact names are expanded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        _headers ??= _invite.Headers.Select(h => KeyValuePair.Create(h.Name, h.ValueAsString())).ToArray();

    /// <summary>The SDP offer, or null for an offer-less INVITE: then <see cref="Answer"/> carries the offer and the
    /// answer arrives in <see cref="SipCallConfirmed.Sdp"/> (RFC 3264 §4).</summary>
    public string? SdpOffer { get; }

    internal SipRequest Invite => _invite;

    /// <summary>The INVITE server transaction's key, which a CANCEL for it matches (RFC 3261 §9.2).</summary>
    internal SipTransactionKey InviteKey => _transaction.Key;

    private protected override bool OwnsCallId => false;

    internal override IPEndPoint Peer => Source;

    /// <summary>
    /// The UAS side (RFC 3261 §13.3): a provisional response, then 2xx (Accepted until the ACK, §13.3.1.4) or a
    /// final refusal; BYE (§15) once the ACK arrived, or when it never does; CANCEL or the caller's BYE end it early.
    /// </summary>
    internal static TransitionTable<SipCallState> Transitions { get; } = TransitionTable<SipCallState>.Declare("inbound call")
        .Allow(SipCallState.Received, SipCallState.Proceeding, SipCallState.Accepted, SipCallState.Ended)
        .Allow(SipCallState.Proceeding, SipCallState.Accepted, SipCallState.Ended)
        .Allow(SipCallState.Accepted, SipCallState.Confirmed, SipCallState.Terminating, SipCallState.Ended)
        .Allow(SipCallState.Confirmed, SipCallState.Terminating, SipCallState.Ended)
        .Allow(SipCallState.Terminating, SipCallState.Ended)
        .Build();

    /// <summary>The first value of a header of the INVITE (e.g. an X- header), or null.</summary>
    public string? GetHeader(string name) => _invite.GetHeader(name);

    /// <summary>Starts delivering this call's events; once only.</summary>
    public void Attach(ISipCallObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        SetObserver(observer);
    }

    /// <summary>Sends 180 Ringing, which creates the early dialog.</summary>
    public bool Ring() => SendProvisional(180, "Ringing", null);

    /// <summary>
    /// Sends 180 Ringing with an Alert-Info header (RFC 3261 §20.4; RFC 7462 allows it in any provisional
    /// response): the caller's phone picks a distinctive ringback. <paramref name="alertInfo"/> is the header's value.
    /// </summary>
    public bool Ring(string alertInfo)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertInfo);
        return SendProvisional(180, "Ringing", null, SipHeader.Create("Alert-Info", alertInfo));
    }

    /// <summary>Sends 183 Session Progress with the SDP answer for early media. Answer with the same SDP later.</summary>
    public bool SendEarlyMedia(string sdp)
    {
        ArgumentException.ThrowIfNullOrEmpty(sdp);
        return SendProvisional(183, "Session Progress", sdp);
    }

    /// <summary>
    /// Sends 200 OK with <paramref name="sdp"/> and our Contact, retransmitted until the ACK (RFC 3261 §13.3.1.4);
    /// the ACK brings <see cref="SipCallConfirmed"/>, its absence for 64*T1 a BYE and <see cref="SipCallAckTimedOut"/>.
    /// </summary>
    public bool Answer(string sdp)
    {
        ArgumentException.ThrowIfNullOrEmpty(sdp);
        lock (Gate)
        {
            if (State is not (SipCallState.Received or SipCallState.Proceeding) || HangupRequested)
            {
                return false;
            }

            Dialog ??= SipDialog.FromRequest(_invite, LocalTag);
            TryTransitionTo(SipCallState.Accepted);
            LocalSdp = sdp;
            var ok = SipResponseFactory.CreateForDialog(_invite, 200, "OK", LocalTag, LocalContact(), sdp);
            _transaction.SendResponse(ok);
            AwaitAckLocked(ok, _responseDestination, isInitialInvite: true, SdpOffer is null ? sdp : null);
            return true;
        }
    }

    /// <summary>
    /// Refuses the call with a final 3xx–6xx response (e.g. 404, 403, 486, 503) carrying an RFC 3326 Reason header
    /// with <paramref name="reasonPhrase"/>. The call ends at once; the transaction absorbs the ACK.
    /// </summary>
    public bool Reject(int statusCode, string reasonPhrase) => Reject(statusCode, reasonPhrase, retryAfter: null);

    /// <summary>
    /// As <see cref="Reject(int, string)"/>, with a Retry-After header (RFC 3261 §20.33, whole seconds, at least 1)
    /// that tells the caller when to try again: for a 503 from a server over its limits (§21.5.4), or a 486/480.
    /// </summary>
    public bool Reject(int statusCode, string reasonPhrase, TimeSpan? retryAfter)
    {
        SipHeader[] retry = retryAfter is { } delay
            ? [SipHeader.Create(SipHeaderNames.RetryAfter, Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture))]
            : [];
        return Reject(statusCode, reasonPhrase, retry);
    }

    /// <summary>
    /// As <see cref="Reject(int, string)"/>, with headers the application chose (jambonz <c>sip:decline</c>'s
    /// <c>headers</c>, such as a Diversion or an X- header for the carrier). Their names and values must be valid.
    /// </summary>
    public bool Reject(int statusCode, string reasonPhrase, IReadOnlyList<KeyValuePair<string, string>> headers) =>
        Reject(statusCode, reasonPhrase, [.. headers.Select(header => SipHeader.Create(header.Key, header.Value))]);

    private bool Reject(int statusCode, string reasonPhrase, SipHeader[] extraHeaders)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        ArgumentException.ThrowIfNullOrEmpty(reasonPhrase);
        return EndBeforeAnswer(statusCode, reasonPhrase, null, extraHeaders: extraHeaders);
    }

    /// <summary>
    /// Ends the call: before the answer with 480 Temporarily Unavailable; after it with BYE, which RFC 3261 §15
    /// holds back until the ACK has arrived (or 64*T1 passed). Completes when the call has ended; idempotent.
    /// </summary>
    public override Task HangupAsync(CancellationToken cancellationToken)
    {
        if (EndBeforeAnswer(480, "Temporarily Unavailable", null))
        {
            return Completion.WaitAsync(cancellationToken);
        }

        SipRequest? bye = null;
        lock (Gate)
        {
            if (State is SipCallState.Accepted or SipCallState.Confirmed && !HangupRequested)
            {
                HangupRequested = true;
                if (State == SipCallState.Confirmed)
                {
                    bye = BeginByeLocked();
                }
            }
        }

        SendBye(bye);
        return Completion.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A CANCEL matched the INVITE (RFC 3261 §9.2); the handler has answered it 200. Before a final response the
    /// INVITE is answered 487 and the engine hears <see cref="SipCallCanceled"/>; afterwards it has no effect.
    /// </summary>
    internal void OnCancel() => EndBeforeAnswer(487, "Request Terminated", new SipCallCanceled());

    /// <summary>
    /// The caller may BYE an early dialog (RFC 3261 §15); the INVITE is then answered 487 (§15.1.2) and the engine
    /// hears <see cref="SipCallCanceled"/>, as for CANCEL.
    /// </summary>
    internal override SipCallEvent? EndOnByeLocked()
    {
        if (State is not (SipCallState.Received or SipCallState.Proceeding))
        {
            return base.EndOnByeLocked();
        }

        _transaction.SendResponse(SipResponseFactory.Create(_invite, 487, "Request Terminated", LocalTag));
        TryTransitionTo(SipCallState.Ended);
        return HangupRequested ? null : new SipCallCanceled();
    }

    /// <summary>Refuses an INVITE the engine never saw (no handler, or it failed).</summary>
    internal void Refuse(int statusCode, string reasonPhrase, string reasonText) => EndBeforeAnswer(statusCode, reasonPhrase, null, reasonText);

    internal void SendTrying() => _transaction.SendResponse(SipResponseFactory.Create(_invite, 100, "Trying", null));

    private bool SendProvisional(int statusCode, string reasonPhrase, string? sdp, params SipHeader[] extraHeaders)
    {
        lock (Gate)
        {
            if (State is not (SipCallState.Received or SipCallState.Proceeding) || HangupRequested)
            {
                return false;
            }

            // RFC 3261 §12.1.1: a tagged provisional response creates the early dialog.
            Dialog ??= SipDialog.FromRequest(_invite, LocalTag);
            if (State == SipCallState.Received)
            {
                TryTransitionTo(SipCallState.Proceeding);
            }

            if (sdp is not null)
            {
                LocalSdp = sdp;
            }

            _transaction.SendResponse(SipResponseFactory.CreateForDialog(_invite, statusCode, reasonPhrase, LocalTag, LocalContact(), sdp, extraHeaders));
            return true;
        }
    }

    /// <summary>Sends a final non-2xx response while the INVITE is still unanswered, and ends the call.</summary>
    private bool EndBeforeAnswer(int statusCode, string reasonPhrase, SipCallEvent? report, string? reasonText = null, SipHeader[]? extraHeaders = null)
    {
        lock (Gate)
        {
            if (State is not (SipCallState.Received or SipCallState.Proceeding))
            {
                return false;
            }

            HangupRequested |= report is null;
            var reason = SipHeader.Create(SipHeaderNames.Reason, $"SIP;cause={statusCode};text=\"{Quote(reasonText ?? reasonPhrase)}\"");
            _transaction.SendResponse(SipResponseFactory.Create(_invite, statusCode, reasonPhrase, LocalTag, [reason, .. extraHeaders ?? []]));
            TryTransitionTo(SipCallState.Ended);
        }

        Finish(report);
        return true;
    }

    private static string Quote(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static bool IsSdp(string? contentType) =>
        contentType is null || contentType.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase);

    private static string? UserWithoutParameters(string? user)
    {
        var semicolon = user?.IndexOf(';', StringComparison.Ordinal) ?? -1;
        return semicolon < 0 ? user : user![..semicolon];
    }
}
