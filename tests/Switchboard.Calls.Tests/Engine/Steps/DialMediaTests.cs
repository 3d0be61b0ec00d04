using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Tests.Engine.Steps;

/// <summary>
/// What a dial plays and records, over real media sessions on loopback: the dialling call's and a leg's, each with
/// a far end of its own. The leg's answer and end are handed to the dial as its call's loop would.
/// </summary>
public sealed class DialMediaTests
{
    private static readonly DialVerb OneTarget = new([CallTarget.Sip("sip:a@127.0.0.1")], TimeSpan.FromSeconds(20), "https://app/dial");

    private static readonly SayVerb Hold = new("please hold", null, null, null, false);

    private static readonly SayVerb Greeting = new("you have a call", null, null, null, false);

    [Fact]
    public async Task WithoutAHoldPrompt_TheCallerIsNotAnsweredForTheDial()
    {
        await using var call = await StepHarness.StartAsync();

        Assert.False(new DialStep(OneTarget, call.Scope()).NeedsMedia);
        Assert.True(new DialStep(OneTarget with { HoldPrompt = Hold }, call.Scope()).NeedsMedia);
    }

    [Fact]
    public async Task Dialling_LetsTheCallerHearRingback()
    {
        await using var call = await StepHarness.StartAsync();
        Legs(call);

        new DialStep(OneTarget, call.Scope()).Start();

        Assert.Equal(1, call.Rang);
    }

    [Fact]
    public async Task TheHoldPrompt_LoopsWhileTheTargetRings_AndStopsWhenItIsConnected()
    {
        await using var call = await StepHarness.StartAsync();
        var leg = Legs(call);
        var dial = new DialStep(OneTarget with { HoldPrompt = Hold }, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => call.Handled.Count(message => message is DialAudioEnded { Audio: DialAudio.Hold, Completed: true }) >= 2);
        Assert.Equal(1, call.Prompts.Rendered);
        Assert.True(await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 6) >= 6, "the caller hears the hold prompt twice");

        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        // Every play is the call's own work: the loop falls idle only if the hold prompt stopped.
        await call.RunUntilAsync(dial, () => call.Work.IsIdle);
        Assert.Null(call.Runner.Reported);
    }

    [Fact]
    public async Task TheGreeting_PlaysToTheTargetOnceAndAgain_BeforeTheBridge()
    {
        await using var call = await StepHarness.StartAsync();
        var leg = Legs(call);
        var dial = new DialStep(OneTarget with { HoldPrompt = Hold, Greeting = Greeting, GreetingRepeats = 1 }, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Handled.Any(message => message is DialAudioEnded { Audio: DialAudio.Greeting }));
        Assert.Null(call.Media.Bridge);

        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        Assert.Equal(2, call.Handled.Count(message => message is DialAudioEnded { Audio: DialAudio.Greeting, Completed: true }));
        Assert.True(await PromptStepTests.ReceivedPacketsAsync(leg.FarEnd, atLeast: 6) >= 6, "the target hears the greeting twice");
    }

    [Fact]
    public async Task ATargetThatHangsUpDuringTheGreeting_EndsTheDial_WithItsStatus()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        var leg = Legs(call);
        var dial = new DialStep(OneTarget with { Greeting = Greeting }, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Handled.Any(message => message is DialAudioReady { Audio: DialAudio.Greeting }));
        leg.End(CallStatus.Completed);
        await call.RunUntilAsync(dial, () => call.Runner.Reported is not null);

        var result = Assert.IsType<DialResult>(call.Runner.Reported);
        Assert.Equal((CallStatus.Completed, leg.Sid, TimeSpan.Zero), (result.Status, result.DialCallSid, result.Duration));
        Assert.Equal((null, null), (result.ConnectedAt, result.EndedBy));
        Assert.Null(call.Media.Bridge);
    }

    [Fact]
    public async Task TheCalleeHangingUp_EndsTheDial_WhenItWasConnected_AndForHowLong()
    {
        await using var call = await StepHarness.StartAsync();
        var leg = Legs(call);
        var dial = new DialStep(OneTarget, call.Scope());
        var connectedAt = call.Time.GetUtcNow();

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        call.Time.Advance(TimeSpan.FromSeconds(7));
        leg.End(CallStatus.Completed);
        await call.RunUntilAsync(dial, () => call.Runner.Reported is not null);

        var result = Assert.IsType<DialResult>(call.Runner.Reported);
        Assert.Equal((CallStatus.Completed, 200, leg.Sid), (result.Status, result.SipStatus, result.DialCallSid));
        Assert.Equal((connectedAt, DialEndedBy.Callee, TimeSpan.FromSeconds(7)), (result.ConnectedAt, result.EndedBy, result.Duration));
        Assert.Empty(result.RecordingSids);
        Assert.Null(call.Media.Bridge);
    }

    [Fact]
    public async Task RecordedParties_AreStoredAsTwoRecordingsOfTheCall_BeforeTheResultGoesOut()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var leg = Legs(call);
        var dial = new DialStep(OneTarget with { RecordParties = true }, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        leg.End(CallStatus.Completed);
        await call.RunUntilAsync(dial, () => call.Runner.Reported is not null);

        var result = Assert.IsType<DialResult>(call.Runner.Reported);
        Assert.Equal(DialEndedBy.Callee, result.EndedBy);
        Assert.Equal(2, result.RecordingSids.Count);
        Assert.Equal(result.RecordingSids, call.Stored.Rows.Select(row => row.Sid));
        Assert.All(call.Stored.Rows, row => Assert.Equal(("call-1", 1), (row.CallSid, row.Channels)));
    }

    [Fact]
    public async Task TheCallerHangingUpWhileConnected_StillDeliversTheResult_WithTheRecordings_AfterTheCallEnded()
    {
        await using var call = await StepHarness.StartAsync(recordings: true);
        var leg = Legs(call);
        var dial = new DialStep(OneTarget with { RecordParties = true }, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        dial.OnCallEnded(call.Snapshot());
        await call.RunUntilAsync(dial, () => call.Work.IsIdle && call.Script.FirstResult.IsCompleted);

        var result = Assert.IsType<DialResult>(await call.Script.FirstResult);
        Assert.Equal((DialEndedBy.Caller, 2), (result.EndedBy, result.RecordingSids.Count));
        Assert.Equal(result.RecordingSids, call.Stored.Rows.Select(row => row.Sid));
        Assert.Null(call.Runner.Reported);
        Assert.Equal(["the dial was left"], leg.HangupReasons);
    }

    [Fact]
    public async Task TheCallerHangingUpWhileItRings_ReportsNothing()
    {
        await using var call = await StepHarness.StartAsync();
        var leg = Legs(call);
        var dial = new DialStep(OneTarget with { HoldPrompt = Hold }, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed && call.Handled.Any(message => message is DialAudioReady));
        dial.OnCallEnded(call.Snapshot());
        await call.RunUntilAsync(dial, () => call.Work.IsIdle);

        Assert.False(call.Script.FirstResult.IsCompleted);
        Assert.Null(call.Runner.Reported);
        Assert.Equal(["the dial was left"], leg.HangupReasons);
    }

    [Fact]
    public async Task AWhisperToTheCallee_PlaysToItAlone_WhileUnbridged_ThenTheTwoAreBridgedAgain()
    {
        await using var call = await StepHarness.StartAsync();
        var (leg, dial) = await ConnectedAsync(call);

        Assert.True(dial.OnWhisper([Greeting, Hold], leg.Sid));
        Assert.Null(call.Media.Bridge);
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);

        Assert.Equal(2, call.Handled.Count(message => message is DialAudioEnded { Audio: DialAudio.Whisper, Completed: true }));
        Assert.True(await PromptStepTests.ReceivedPacketsAsync(leg.FarEnd, atLeast: 6) >= 6, "the callee hears both prompts");
        Assert.Equal(0, await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 1, patience: TimeSpan.FromMilliseconds(200)));
        Assert.Null(call.Runner.Reported);
    }

    [Fact]
    public async Task AWhisperToTheCaller_PlaysOnTheDiallingCall()
    {
        await using var call = await StepHarness.StartAsync();
        var (leg, dial) = await ConnectedAsync(call);

        Assert.True(dial.OnWhisper([Greeting], "call-1"));
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);

        Assert.True(await PromptStepTests.ReceivedPacketsAsync(call, atLeast: 3) >= 3, "the caller hears the prompt");
        Assert.Equal(0, await PromptStepTests.ReceivedPacketsAsync(leg.FarEnd, atLeast: 1, patience: TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public async Task AWhisper_IsRefused_WhileTheTargetRings_AndForAPartyNotInTheDial()
    {
        await using var call = await StepHarness.StartAsync();
        var leg = Legs(call);
        var dial = new DialStep(OneTarget, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        Assert.False(dial.OnWhisper([Greeting], leg.Sid));

        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        Assert.False(dial.OnWhisper([Greeting], "another-call"));
        Assert.Equal(0, call.Prompts.Rendered);
    }

    [Fact]
    public async Task TheCalleeHangingUpDuringAWhisper_EndsTheDial()
    {
        await using var call = await StepHarness.StartAsync();
        call.Prompts.Clip = new AudioClip(new short[8000 * 10]);
        var (leg, dial) = await ConnectedAsync(call);

        Assert.True(dial.OnWhisper([Greeting], leg.Sid));
        await call.RunUntilAsync(dial, () => call.Handled.Any(message => message is DialAudioReady { Audio: DialAudio.Whisper }));
        leg.End(CallStatus.Completed);
        await call.RunUntilAsync(dial, () => call.Runner.Reported is not null);

        var result = Assert.IsType<DialResult>(call.Runner.Reported);
        Assert.Equal((CallStatus.Completed, DialEndedBy.Callee), (result.Status, result.EndedBy));
        Assert.Null(call.Media.Bridge);
    }

    [Fact]
    public async Task AChildCallHook_LetsTheCalleeGoToItsOwnApplication_AndEndsTheDialWithoutHangingItUp()
    {
        await using var call = await StepHarness.StartAsync();
        var (leg, dial) = await ConnectedAsync(call);
        call.Time.Advance(TimeSpan.FromSeconds(4));

        Assert.True(dial.OnChildRedirect("https://app/agent"));
        await call.RunUntilAsync(dial, () => call.Runner.Reported is not null);
        dial.Leave();

        var result = Assert.IsType<DialResult>(call.Runner.Reported);
        Assert.Equal((CallStatus.Completed, DialEndedBy.Callee, TimeSpan.FromSeconds(4)), (result.Status, result.EndedBy, result.Duration));
        Assert.Equal(["https://app/agent"], call.Script.LegApplications);
        Assert.NotNull(leg.AdoptedBy);
        Assert.Empty(leg.HangupReasons);
        Assert.Null(call.Media.Bridge);
    }

    [Fact]
    public async Task AChildCallHook_IsRefused_BeforeTheDialConnects()
    {
        await using var call = await StepHarness.StartAsync();
        var leg = Legs(call);
        var dial = new DialStep(OneTarget, call.Scope());

        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);

        Assert.False(dial.OnChildRedirect("https://app/agent"));
        Assert.Null(leg.AdoptedBy);
        Assert.Empty(call.Script.LegApplications);
    }

    private static readonly DialVerb WithReferHook = OneTarget with { ReferHook = "https://app/refer" };

    private static IncomingTransfer Transfer(string referringSid) =>
        new("<sip:+15550009@pbx.example>", "<sip:agent@pbx.example>", "desk phone", [new("X-Reason", "billing")], 7) { ReferringCallSid = referringSid };

    [Fact]
    public async Task ATransferTheCalleeAsksFor_IsPostedToTheReferHook_WhoseVerbsReplaceTheCallersApplication()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.ReferAnswer = [Greeting];
        var (leg, dial) = await ConnectedAsync(call, WithReferHook);

        ((IDialLegObserver)dial).OnLegReferred(leg, call.Snapshot() with { Sid = leg.Sid }, Transfer(leg.Sid) with { ReferredCallSid = "call-1" });
        await call.RunUntilAsync(dial, () => call.Runner.Replacement is not null);

        var (hook, callSid, transfer) = Assert.Single(call.Script.Transfers);
        Assert.Equal(("https://app/refer", leg.Sid, "+15550009", "call-1"), (hook, callSid, transfer.ReferToUser, transfer.ReferredCallSid));
        Assert.Equal([(7u, true)], leg.TransferAnswers);
        Assert.Equal([Greeting], call.Runner.Replacement);
        Assert.Equal(["the dial was left"], leg.HangupReasons);
    }

    [Fact]
    public async Task ATransferTheCallerAsksFor_MovesTheCallee_ToTheReferHooksVerbs()
    {
        await using var call = await StepHarness.StartAsync();
        call.Script.ReferAnswer = [Greeting];
        var (leg, dial) = await ConnectedAsync(call, WithReferHook);

        Assert.True(dial.OnTransferAsked(Transfer("call-1")));
        await call.RunUntilAsync(dial, () => call.Runner.Reported is not null);

        Assert.Equal(("call-1", leg.Sid), (call.Script.Transfers.Single().CallSid, call.Script.Transfers.Single().Transfer.ReferredCallSid));
        Assert.Equal([(7u, true)], call.TransferAnswers);
        Assert.Equal([Greeting], Assert.IsType<RecordingScript>(leg.AdoptedBy).StartVerbs);
        Assert.Equal(DialEndedBy.Callee, Assert.IsType<DialResult>(call.Runner.Reported).EndedBy);
        Assert.Empty(leg.HangupReasons);
    }

    [Fact]
    public async Task ATransferIsRefused_WithoutAReferHook_OrWhenTheHookFails_AndTheBridgeStays()
    {
        await using var call = await StepHarness.StartAsync();
        var (leg, dial) = await ConnectedAsync(call);

        Assert.False(dial.OnTransferAsked(Transfer("call-1")));
        ((IDialLegObserver)dial).OnLegReferred(leg, call.Snapshot(), Transfer(leg.Sid));
        await call.RunUntilAsync(dial, () => leg.TransferAnswers.Count == 1);
        Assert.Equal([(7u, false)], leg.TransferAnswers);

        await using var failing = await StepHarness.StartAsync();
        failing.Script.ReferAnswer = null;
        var (failingLeg, failingDial) = await ConnectedAsync(failing, WithReferHook);
        ((IDialLegObserver)failingDial).OnLegReferred(failingLeg, failing.Snapshot(), Transfer(failingLeg.Sid));
        await failing.RunUntilAsync(failingDial, () => failingLeg.TransferAnswers.Count == 1);

        Assert.Equal([(7u, false)], failingLeg.TransferAnswers);
        Assert.Null(failing.Runner.Replacement);
        Assert.NotNull(failing.Media.Bridge);
    }

    [Fact]
    public async Task KeyPatterns_OfEachConnectedParty_ArePostedToTheDtmfHook_WithThatParty()
    {
        await using var call = await StepHarness.StartAsync();
        var verb = OneTarget with { DtmfHook = "https://app/dtmf", CallerKeyPatterns = ["*2"], CalleeKeyPatterns = ["#9", "0"] };
        var (leg, dial) = await ConnectedAsync(call, verb);

        dial.OnDigit('*');
        dial.OnDigit('2');
        var observer = (IDialLegObserver)dial;
        foreach (var key in "5#9")
        {
            observer.OnLegKey(leg, call.Snapshot() with { Sid = leg.Sid }, key);
        }

        await call.RunUntilAsync(dial, () => call.Work.IsIdle && call.Script.KeyPatterns.Count >= 2);
        Assert.Equal([("https://app/dtmf", "call-1", "*2"), ("https://app/dtmf", leg.Sid, "#9")], call.Script.KeyPatterns);
    }

    /// <summary>A dial to one leg that answered and is bridged to the caller.</summary>    /// <summary>A dial to one leg that answered and is bridged to the caller.</summary>
    private static async Task<(Leg Leg, DialStep Dial)> ConnectedAsync(StepHarness call, DialVerb? verb = null)
    {
        var leg = Legs(call);
        var dial = new DialStep(verb ?? OneTarget, call.Scope());
        dial.Start();
        await call.RunUntilAsync(dial, () => leg.Placed);
        leg.Answer();
        await call.RunUntilAsync(dial, () => call.Media.Bridge is not null);
        return (leg, dial);
    }

    /// <summary>Makes the harness place one leg, on a media session of its own.</summary>
    private static Leg Legs(StepHarness call)
    {
        var (media, farEnd) = call.CreatePeer();
        var leg = new Leg(media, farEnd);
        call.PlaceLeg = (_, observer) =>
        {
            leg.Observer = observer;
            return leg;
        };
        return leg;
    }

    /// <summary>A placed leg whose answer and end the test decides; it reports them as the leg's loop does.</summary>
    private sealed class Leg(MediaSession media, System.Net.Sockets.UdpClient farEnd) : IDialLeg
    {
        public string Sid => "leg-1";

        public MediaSession? Media => media;

        /// <summary>Where what the leg's party hears arrives.</summary>
        public System.Net.Sockets.UdpClient FarEnd => farEnd;

        public IDialLegObserver? Observer { get; set; }

        public bool Placed => Observer is not null;

        public List<string> HangupReasons { get; } = [];

        public void Answer() => Observer!.OnLegAnswered(this);

        public void End(CallStatus status) => Observer!.OnLegEnded(this, status, null);

        public void RequestHangup(string reason)
        {
            lock (HangupReasons)
            {
                HangupReasons.Add(reason);
            }
        }

        /// <summary>The application the dial let the leg go to, if it did.</summary>
        public IScriptSource? AdoptedBy { get; private set; }

        public void Adopt(IScriptSource script) => AdoptedBy = script;

        /// <summary>How the transfers the leg's peer asked for were answered, in order.</summary>
        public List<(uint Sequence, bool Accepted)> TransferAnswers { get; } = [];

        public void AnswerTransfer(uint sequence, bool accepted) => TransferAnswers.Add((sequence, accepted));
    }
}
