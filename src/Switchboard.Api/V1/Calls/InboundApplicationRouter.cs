using Microsoft.AspNetCore.Hosting.Server;
using Switchboard.Api.V1.Recordings;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Applications;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.PhoneNumbers;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Routes an inbound INVITE the jambonz way: the dialled number's <c>PhoneNumbers</c> entry names the application
/// whose <c>call_hook</c> runs the call. A number nobody has gets 404; an INVITE from outside the allow-list of
/// the carrier the number belongs to gets 403, before anything is stored or posted.
/// </summary>
public sealed class InboundApplicationRouter(
    IPhoneNumberStore phoneNumbers,
    IApplicationStore applications,
    IVoipCarrierStore carriers,
    WebhookOutbox outbox,
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

        if (number.VoipCarrierSid is { } carrierSid
            && await carriers.FindAsync(number.AccountSid, carrierSid, cancellationToken).ConfigureAwait(false) is { } carrier
            && !CarrierAllowList.Allows(carrier.InboundAllowList, offer.Source.Address))
        {
            return InboundRoute.Refuse(403, "Forbidden");
        }

        if (number.ApplicationSid is not { } applicationSid
            || await applications.FindAsync(number.AccountSid, applicationSid, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            // The number is ours but nothing answers it yet.
            return InboundRoute.Refuse(480, "Temporarily Unavailable");
        }

        var caller = offer.Caller ?? "anonymous";
        var context = new CallContext(application.Sid, offer.CallerName);
        var request = new CallRequest(
            number.AccountSid,
            caller,
            offer.CallerName,
            null,
            CallTarget.Phone(number.Number),
            TimeSpan.Zero,
            offer.Headers,
            new HookScriptSource(application.CallHook, context, outbox, outbox.Options.ReplyTimeout, new DialTrunks(carriers, number.AccountSid))
            {
                RecordingsUrl = RecordingUrls.CollectionUrl(server, number.AccountSid),
            },
            StatusHookSink.Durable(application.CallStatusHook, context, outbox.OpenQueue(), timeProvider))
        {
            ApplicationSid = application.Sid,
            RecordAll = application.RecordAllCalls,
            CreateLegSink = StatusHookSink.ForDialLegs(application.CallStatusHook, context, outbox, timeProvider),
            Speech = ApplicationSpeech.Of(application),
            Recognizer = ApplicationSpeech.RecognizerOf(application),
        };
        return InboundRoute.Accept(request);
    }
}
