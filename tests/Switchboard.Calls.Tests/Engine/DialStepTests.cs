using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Tests.Engine.Steps;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Tests.Engine;

/// <summary>
/// The dial's bookkeeping on the dialling call's loop: which outcome it reports when nobody answers, and that no leg
/// is ever left up when the dial is left. (Answer and bridge run for real in the functional dial test.)
/// </summary>
public sealed class DialStepTests
{
    private static readonly DialVerb TwoTargets = new([CallTarget.Sip("sip:a@127.0.0.1"), CallTarget.Sip("sip:b@127.0.0.1")], TimeSpan.FromSeconds(20), "https://app/dial");

    [Fact]
    public async Task NobodyAnswers_ReportsTheMostHopefulOutcome_AfterTheLastLegEnds()
    {
        var host = new LegHost();
        var (step, inbox) = Start(host, TwoTargets);
        var busy = await host.NextLegAsync();
        var ringing = await host.NextLegAsync();

        Assert.Null(step.OnLegEnded(new DialLegEnded(1, busy, CallStatus.Busy, 486, null)));
        var result = step.OnLegEnded(new DialLegEnded(1, ringing, CallStatus.Canceled, 487, null));

        Assert.NotNull(result);
        Assert.Equal((CallStatus.NoAnswer, 487, ringing.Sid), (result.Status, result.SipStatus, result.DialCallSid));
        Assert.Equal(TimeSpan.Zero, result.Duration);
        // The placing work reported each leg placed, with nothing for the loop to act on.
        while (inbox.Reader.TryRead(out var message))
        {
            Assert.Null(Assert.IsType<WorkEnded>(message).Outcome);
        }
    }

    [Fact]
    public async Task ATargetThatAnsweredButWasNotConfirmed_IsReportedCompleted_BeforeOneThatRangOut()
    {
        var host = new LegHost();
        var (step, _) = Start(host, TwoTargets);
        var screened = await host.NextLegAsync();
        var ringing = await host.NextLegAsync();

        // The screened target's confirmation application hung it up; the other then rang out.
        Assert.Null(step.OnLegEnded(new DialLegEnded(1, screened, CallStatus.Completed, null, null)));
        var result = step.OnLegEnded(new DialLegEnded(1, ringing, CallStatus.Canceled, 487, null));

        Assert.Equal((CallStatus.Completed, screened.Sid), (result!.Status, result.DialCallSid));
        Assert.Equal(TimeSpan.Zero, result.Duration);
    }

    [Fact]
    public async Task TheAnsweringMachineHooksVerbs_ReplaceTheDiallingCallsApplication_AndHangUpEveryLeg()
    {
        var host = new LegHost();
        var runner = new RecordingRunner();
        var (step, inbox) = Start(host, TwoTargets, runner);
        var machine = await host.NextLegAsync();
        var other = await host.NextLegAsync();
        Verb[] answer = [new HangupVerb()];

        ((IDialLegObserver)step).OnLegAmdAnswered(machine, answer);
        step.OnMessage(await NextAsync<DialAmdAnswered>(inbox));

        Assert.Same(answer, runner.Replacement);
        Assert.Equal(["the dial was left"], machine.HangupReasons);
        Assert.Equal(["the dial was left"], other.HangupReasons);
    }

    [Fact]
    public async Task ATargetThatCannotBePlaced_IsOneFailedLeg()
    {
        var host = new LegHost { Refuse = "sip:a@127.0.0.1" };
        var (step, inbox) = Start(host, TwoTargets);
        var placed = await host.NextLegAsync();
        var refused = Assert.IsType<DialLegEnded>(await NextOutcomeAsync(inbox));

        Assert.Null(refused.Leg);
        Assert.Null(step.OnLegEnded(refused));
        var result = step.OnLegEnded(new DialLegEnded(1, placed, CallStatus.Busy, 486, null));
        Assert.Equal((CallStatus.Busy, 486), (result!.Status, result.SipStatus));
    }

    [Fact]
    public async Task AnAnswerWhenTheCallerHasGone_IsHungUpAndConnectsNothing()
    {
        var host = new LegHost { CallerGone = true };
        var (step, _) = Start(host, TwoTargets);
        var first = await host.NextLegAsync();
        await host.NextLegAsync();

        step.OnLegAnswered(first);

        Assert.Equal(["the caller has gone"], first.HangupReasons);
    }

    [Fact]
    public async Task LeavingTheDial_HangsUpEveryLeg_EvenOneStillBeingPlaced()
    {
        var host = new LegHost { HoldPlacement = true };
        var (step, _) = Start(host, TwoTargets);

        step.Leave();
        host.ReleasePlacements();
        var late = await host.NextLegAsync();
        var later = await host.NextLegAsync();

        await WaitUntilAsync(() => late.HangupReasons.Count == 1 && later.HangupReasons.Count == 1);
        Assert.Equal("the dial was left", late.HangupReasons.Single());
    }

    private static (DialStep Step, Channel<CallMessage> Inbox) Start(LegHost host, DialVerb verb, IStepRunner? runner = null)
    {
        var inbox = Channel.CreateUnbounded<CallMessage>();
        var services = new StepServices(
            "parent", "account-1", Media: null!, Prompts: null!, Script: null!, host, inbox.Writer, new CallWork(inbox.Writer), new LoopTimer(inbox.Writer, TimeProvider.System), TimeProvider.System, NullLogger.Instance);
        var step = new DialStep(verb, new StepScope(1, services, runner ?? new NoRunner()));
        step.Start();
        return (step, inbox);
    }

    /// <summary>The next message of type <typeparamref name="T"/> in the dialling call's channel, past the placing work's ends.</summary>
    private static async Task<T> NextAsync<T>(Channel<CallMessage> inbox)
        where T : CallMessage
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await inbox.Reader.ReadAsync(patience.Token) is T found)
            {
                return found;
            }
        }
    }

    /// <summary>The next outcome the dial's placing work brings back to the loop.</summary>
    private static async Task<CallMessage> NextOutcomeAsync(Channel<CallMessage> inbox)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            if (await inbox.Reader.ReadAsync(patience.Token) is WorkEnded { Outcome: { } outcome })
            {
                return outcome;
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }

    /// <summary>These tests read the dial's outcomes from its methods, so nothing may reach the runner.</summary>
    private sealed class NoRunner : IStepRunner
    {
        public SpeechDefaults Speech { get; set; } = SpeechDefaults.None;

        public RecognizerOptions Recognizer { get; set; } = RecognizerOptions.None;

        public string? ReferHook { get; set; }

        public string? PeerRequestHook { get; set; }

        public TypeAheadKeys TypeAhead { get; } = new();

        public BackgroundSteps? Background => null;

        public void Complete(VerbStep step) => throw new NotSupportedException();

        public void Report(VerbStep step, VerbResult result) => throw new NotSupportedException();

        public void BargeIn(VerbStep step, char key) => throw new NotSupportedException();

        public void Replace(VerbStep step, IReadOnlyList<Verb> verbs) => throw new NotSupportedException();
    }

    private sealed class Leg(string sid) : IDialLeg
    {
        public string Sid { get; } = sid;

        public MediaSession? Media => null;

        public List<string> HangupReasons { get; } = [];

        public void RequestHangup(string reason)
        {
            lock (HangupReasons)
            {
                HangupReasons.Add(reason);
            }
        }

        public void Adopt(IScriptSource script) => throw new NotSupportedException();

        public void AnswerTransfer(uint sequence, bool accepted) => throw new NotSupportedException();
    }

    /// <summary>The dialling call as the dial sees it: it places legs (recorded, not dialled) and answers or not.</summary>
    private sealed class LegHost : IVerbHost
    {
        private readonly Channel<Leg> _placed = Channel.CreateUnbounded<Leg>();
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public string? Refuse { get; init; }

        public bool CallerGone { get; init; }

        public bool HoldPlacement { get; init; }

        public void ReleasePlacements() => _release.SetResult();

        public async Task<Leg> NextLegAsync()
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await _placed.Reader.ReadAsync(patience.Token);
        }

        public async Task<IDialLeg> PlaceDialLegAsync(DialVerb dial, CallTarget target, IDialLegObserver observer, CancellationToken cancellationToken)
        {
            if (HoldPlacement)
            {
                await _release.Task;
            }

            if (target.Address == Refuse)
            {
                throw new NoRouteException("no carrier");
            }

            var leg = new Leg("leg-" + Interlocked.Increment(ref _count));
            _placed.Writer.TryWrite(leg);
            return leg;
        }

        public bool EnsureAnswered() => !CallerGone;

        public CallSnapshot Snapshot() => throw new NotSupportedException();

        public void EndCall(string reason, bool failed) => throw new NotSupportedException();

        public void OnScriptEnded() => throw new NotSupportedException();

        public void SetTag(JsonElement tag) => throw new NotSupportedException();


        public void Decline(int sipStatus, string reason, IReadOnlyList<KeyValuePair<string, string>> headers) => throw new NotSupportedException();

        public void Alert(string alertInfo) => throw new NotSupportedException();

        public void Ring()
        {
        }

        public void StartAmd(AmdSettings settings) => throw new NotSupportedException();

        public void ControlRecording(CallRecordingAction action) => throw new NotSupportedException();

        public void ForwardPeerRequests() => throw new NotSupportedException();

        public void AnswerTransfer(uint sequence, bool accepted) => throw new NotSupportedException();

        public void ReportVerbFailed(Verb verb, string reason) => throw new NotSupportedException();

        public void Note(string eventName, string detail)
        {
        }

        public Task<InDialogAnswer> SendInDialogAsync(InDialogRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<InDialogAnswer> ReferAsync(ReferVerb refer, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
