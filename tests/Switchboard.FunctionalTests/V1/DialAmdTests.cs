using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.V1;

/// <summary>
/// jambonz <c>dial</c> with <c>amd</c>, for real: the dialled SIPp party says "Hello?", the detector on its leg calls it
/// a person, the event reaches <c>amd.actionHook</c>, and (as in jambonz) the hook's verbs replace the caller's
/// application, so the dial is left and both parties are hung up.
/// </summary>
public sealed class DialAmdTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task DialAmd_ReportsTheDialledPartysEvents_AndTheHooksVerbsTakeOverTheCaller()
    {
        // The party speaks two seconds after its answer (well inside the detector's five seconds for no speech), so a
        // loaded machine that is slow to store the leg's answer, and so to start listening, still hears it all.
        await using var agent = await SpeakingCallee.StartAsync(await SpokenAudio.SpeakAsync("Hello?"), delayMs: 2000);
        await using var hooks = await WebhookReceiver.StartAsync();
        hooks.Respond = webhook => webhook.Path switch
        {
            // Without the detection's answer nothing would end this dial: both parties wait for a BYE.
            "/call" => (200, $$"""
                [{"verb": "dial", "actionHook": "/dial-action", "amd": {"actionHook": "/amd"},
                  "target": [{"type": "sip", "sipUri": "{{agent.SipUri("agent")}}"}]}]
                """),
            "/amd" => (200, """[{"verb": "say", "text": "A person answered; goodbye."}, {"verb": "hangup"}]"""),
            _ => (200, null),
        };
        await using var server = await DialConfirmTests.StartSalesLineAsync(hooks);

        await using var caller = await SippProcess.StartCallerAsync("uac_press_one.xml", server.App.SipEndPoint, "+15558880003");

        var amd = await hooks.WaitForAsync(w => w.Path == "/amd", Patience);
        Assert.Equal(0, await caller.WaitForExitAsync(Patience));
        Assert.Equal(0, await agent.Sipp.WaitForExitAsync(Patience));

        var parentSid = DialConfirmTests.CallSid(hooks.Received.Single(w => w.Path == "/call"));
        var legSid = DialConfirmTests.CallSid(hooks.Received.First(w => w.Path == "/status" && w.Body.TryGetProperty("parent_call_sid", out _)));
        Assert.Equal("amd_human_detected", amd.Body.GetProperty("type").GetString());
        Assert.Equal("short greeting", amd.Body.GetProperty("reason").GetString());
        // The event describes the dialled party's leg, linked to the caller's.
        Assert.Equal((legSid, parentSid), (DialConfirmTests.CallSid(amd), amd.Body.GetProperty("parent_call_sid").GetString()));
        var legFinal = await hooks.WaitForAsync(w => w.Path == "/status" && DialConfirmTests.CallSid(w) == legSid && DialConfirmTests.Status(w) == "completed", Patience);
        Assert.Equal("jambonz", legFinal.Body.GetProperty("call_termination_by").GetString());
    }
}
