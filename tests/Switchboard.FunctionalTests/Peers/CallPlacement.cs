using Switchboard.Client.Calls;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>The call most Calls API tests place: to a SIPp party, run by the receiver's <c>/call</c> and heard by its <c>/status</c>.</summary>
internal static class CallPlacement
{
    public static CreateCallRequest To(SippProcess party, WebhookReceiver hooks) => new()
    {
        CallHook = hooks.Url("/call"),
        CallStatusHook = hooks.Url("/status"),
        From = "+15550001",
        To = CallTarget.Sip($"sip:+15550002@127.0.0.1:{party.Port}"),
    };

    /// <summary>Places the call with the typed client and answers its sid.</summary>
    public static async Task<string> PlaceCallAsync(this TestServer server, WebhookReceiver hooks, SippProcess party) =>
        (await server.Api.Calls.CreateAsync(To(party, hooks))).Sid;
}
