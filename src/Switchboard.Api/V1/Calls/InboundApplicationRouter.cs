using Microsoft.AspNetCore.Hosting.Server;
using Switchboard.Api.EventAction;
using Switchboard.Api.V1.Recordings;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Clients;
using Switchboard.Storage.Applications;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.PhoneNumbers;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Routes an inbound INVITE: the dialled number's <c>PhoneNumbers</c> entry names the application whose
/// <c>call_hook</c> runs the call (the jambonz way), or a <c>callback_url</c> that is offered the call with ACCEPTED
/// (seed 004's event/action way). A number nobody has gets 404; an INVITE from outside the allow-list of the carrier
/// the number belongs to gets 403, before anything is stored or posted.
/// </summary>
public sealed class InboundApplicationRouter(
    IPhoneNumberStore phoneNumbers,
    IApplicationStore applications,
    IVoipCarrierStore carriers,
    IClientStore clients,
    WebhookOutbox outbox,
    EventActionCalls eventActionCalls,
    IServer server,
    TimeProvider timeProvider) : IInboundCallRouter
{
    public async ValueTask<InboundRoute> RouteAsync(InboundCallOffer offer, CancellationToken cancellationToken)
    {
        if (offer.DialledNumber is not { Length: > 0 } dialled
            || await phoneNumbers.FindByNumberAsync(dialled, cancellationToken).ConfigureAwait(false) is not { } number)
        {
            return InboundRoute.Refuse(404, "Not Found");
        }

        var carrier = number.VoipCarrierSid is { } carrierSid
            ? await carriers.FindAsync(number.AccountSid, carrierSid, cancellationToken).ConfigureAwait(false)
            : null;
        if (carrier is not null && !CarrierAllowList.Allows(carrier.InboundAllowList, offer.Source.Address))
        {
            return InboundRoute.Refuse(403, "Forbidden");
        }

        if (number.CallbackUrl is { } callbackUrl)
        {
            return InboundRoute.Accept(EventAction(number, offer, new Uri(callbackUrl)));
        }

        if (number.ApplicationSid is not { } applicationSid
            || await applications.FindAsync(number.AccountSid, applicationSid, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            // The number is ours but nothing answers it yet.
            return InboundRoute.Refuse(480, "Temporarily Unavailable");
        }

        var caller = offer.Caller ?? "anonymous";
        var context = new CallContext(application.Sid, offer.CallerName) { Origin = new InboundOrigin(offer, carrier?.Name) };
        var request = new CallRequest(
            number.AccountSid,
            caller,
            offer.CallerName,
            null,
            CallTarget.Phone(number.Number),
            TimeSpan.Zero,
            offer.Headers,
            new HookScriptSource(application.CallHook, context, outbox, outbox.Options.ReplyTimeout, new DialTrunks(carriers, clients, number.AccountSid))
            {
                RecordingsUrl = RecordingUrls.CollectionUrl(server, number.AccountSid),
            },
            StatusHookSink.Durable(application.CallStatusHook, context, outbox.OpenQueue(), timeProvider))
        {
            ApplicationSid = application.Sid,
            Dialect = CallDialect.Calls,
            RecordAll = application.RecordAllCalls,
            CreateLegSink = StatusHookSink.ForDialLegs(application.CallStatusHook, context, outbox, timeProvider),
            Speech = ApplicationSpeech.Of(application),
            Recognizer = ApplicationSpeech.RecognizerOf(application),
            // As jambonz: the call hook hears the call at trying, and the call rings only if a verb says so (alert).
            RingsOnArrival = false,
        };
        return InboundRoute.Accept(request);
    }

    /// <summary>A call offered to the number's callback URL; it rings until the application answers ACCEPTED.</summary>
    private CallRequest EventAction(PhoneNumberRecord number, InboundCallOffer offer, Uri callbackUrl)
    {
        var context = new EventActionContext(callbackUrl, null, RecordingUrls.CollectionUrl(server, number.AccountSid));
        var (script, sink, _) = eventActionCalls.Prepare(context, null);
        return new CallRequest(number.AccountSid, offer.Caller ?? "anonymous", offer.CallerName, null, CallTarget.Phone(number.Number), TimeSpan.Zero, offer.Headers, script, sink)
        {
            Dialect = CallDialect.EventAction,
        };
    }
}
