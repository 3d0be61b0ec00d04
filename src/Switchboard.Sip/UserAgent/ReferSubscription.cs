using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using static Switchboard.Sip.UserAgent.ReferSubscriptionState;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// The subscription our REFER creates (RFC 3515 §2.4.4): it decides what each NOTIFY the peer sends about the
/// referred call is answered, and what it reports. One per call at a time. Mutated only under its call's
/// <see cref="SipCall.Gate"/>.
/// </summary>
/// <param name="referSequence">The REFER's CSeq number: the <c>id</c> its NOTIFYs may carry in Event (RFC 3515 §2.4.6).</param>
internal sealed class ReferSubscription(uint referSequence, ILogger logger)
{
    private readonly StateMachine<ReferSubscriptionState> _state = new(Transitions, Pending, logger);

    internal static TransitionTable<ReferSubscriptionState> Transitions { get; } = TransitionTable<ReferSubscriptionState>.Declare("REFER subscription")
        .Allow(Pending, Active, Terminated)
        .Allow(Active, Terminated)
        .Build();

    public ReferSubscriptionState State => _state.Current;

    /// <summary>The REFER's final response: a 2xx starts the subscription, anything else means there is none.</summary>
    public void OnReferAnswered(int statusCode)
    {
        if (_state.Current != Pending)
        {
            // A terminating NOTIFY overtook the 2xx: the subscription is already over.
            return;
        }

        _state.TryTransitionTo(statusCode is >= 200 and < 300 ? Active : Terminated);
    }

    /// <summary>
    /// Answers one NOTIFY that matched the call's dialog and sets <paramref name="report"/> to what it says:
    /// 489 for another event package (RFC 6665 §8.2.1), 481 for another REFER's or an ended subscription
    /// (§4.1.3), 415 for a body that is not <c>message/sipfrag</c> and 400 for one without a status line
    /// (RFC 3515 §2.4.5); otherwise 200.
    /// </summary>
    public SipResponse Answer(SipRequest notify, out SipCallReferNotify? report)
    {
        report = null;
        if (!IsReferEvent(notify.GetHeader(SipHeaderNames.Event), out var id))
        {
            return SipResponseFactory.Create(notify, 489, "Bad Event", null, SipHeader.Create("Allow-Events", "refer"));
        }

        if (_state.Current == Terminated || (id is { } named && named != referSequence))
        {
            return SipResponseFactory.Create(notify, 481, "Subscription Does Not Exist", null);
        }

        var terminated = IsTerminated(notify.GetHeader("Subscription-State"));
        SipFragStatus? status = null;
        if (!notify.Body.IsEmpty)
        {
            if (!string.Equals(MediaTypeOf(notify.ContentType), SipFragStatus.MediaType, StringComparison.OrdinalIgnoreCase))
            {
                return SipResponseFactory.Create(notify, 415, "Unsupported Media Type", null, SipHeader.Create("Accept", SipFragStatus.MediaType));
            }

            if (!SipFragStatus.TryParse(notify.Body.Span, out var parsed))
            {
                return SipResponseFactory.Create(notify, 400, "Malformed Sipfrag Body", null);
            }

            status = parsed;
        }
        else if (!terminated)
        {
            // RFC 3515 §2.4.5: every NOTIFY of a refer subscription carries the sipfrag, except one that ends it.
            return SipResponseFactory.Create(notify, 400, "Missing Sipfrag Body", null);
        }

        if (terminated)
        {
            _state.TryTransitionTo(Terminated);
        }

        report = new SipCallReferNotify(status, terminated);
        return SipResponseFactory.Create(notify, 200, "OK", null);
    }

    /// <summary>RFC 6665 §8.2.1 / RFC 3515 §2.4.6: <c>Event: refer</c>, optionally with <c>;id=</c> the REFER's CSeq number.</summary>
    private static bool IsReferEvent(string? header, out uint? id)
    {
        id = null;
        if (header is null)
        {
            return false;
        }

        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        if (!string.Equals(parts[0], "refer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var parameter in parts.AsSpan(1))
        {
            if (parameter.StartsWith("id=", StringComparison.OrdinalIgnoreCase))
            {
                id = uint.TryParse(parameter.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : uint.MaxValue;
            }
        }

        return true;
    }

    /// <summary>RFC 6665 §8.2.3: <c>Subscription-State: terminated;reason=...</c>.</summary>
    private static bool IsTerminated(string? header) =>
        header is not null && header.Split(';', 2, StringSplitOptions.TrimEntries)[0].Equals("terminated", StringComparison.OrdinalIgnoreCase);

    private static string? MediaTypeOf(string? contentType) =>
        contentType?.Split(';', 2, StringSplitOptions.TrimEntries)[0];
}
