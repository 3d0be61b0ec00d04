using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Recognition;
using Switchboard.Media.Sessions;
using Switchboard.Storage;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Recordings;
using Switchboard.Testing;

namespace Switchboard.Calls.Tests.Engine.Steps;

/// <summary>
/// A call's loop without a SIP call: a real media session on loopback, answered towards a socket that stands for the
/// far end; the call's work, verb timer and channel on a manual clock; and the loop's dispatch of each message to the
/// step under test, as <see cref="Call"/> does it. What the step reports lands in <see cref="Runner"/>, what it asks
/// of the call in this host.
/// </summary>
internal sealed class StepHarness : IVerbHost, IAsyncDisposable
{
    private static int s_nextPorts = Random.Shared.Next(0, 500) * 8;

    private readonly Channel<CallMessage> _inbox = Channel.CreateUnbounded<CallMessage>();
    private readonly MediaEngine _engine;
    private readonly List<(MediaSession Media, UdpClient FarEnd)> _peers = [];

    private StepHarness(MediaEngine engine, MediaSession media, UdpClient farEnd, string? recordings)
    {
        _engine = engine;
        Media = media;
        FarEnd = farEnd;
        Work = new CallWork(_inbox.Writer);
        Services = new StepServices(
            "call-1", "account-1", media, Prompts, Script, this, _inbox.Writer, Work, new LoopTimer(_inbox.Writer, Time), Time, NullLogger.Instance)
        {
            Recordings = recordings is null ? null : new RecordingLibrary(Stored, new RecordingFiles(recordings), Time, NullLogger<RecordingLibrary>.Instance),
        };
    }

    public ManualTimeProvider Time { get; } = new();

    public MediaSession Media { get; }

    /// <summary>The far end's RTP socket: what the steps send arrives here.</summary>
    public UdpClient FarEnd { get; }

    public CallWork Work { get; }

    public StepServices Services { get; }

    public RecordingRunner Runner { get; } = new();

    public ScriptedPrompts Prompts { get; } = new();

    public RecordingScript Script { get; } = new();

    public InMemoryRecordingStore Stored { get; } = new();

    public List<string> Ended { get; } = [];

    /// <summary>Every message the loop handed to a step, in order.</summary>
    public List<CallMessage> Handled { get; } = [];

    public JsonElement? Tag { get; private set; }

    public (int Status, string Reason)? Declined { get; private set; }

    public List<string> Alerted { get; } = [];

    /// <summary>How many times a step let the call ring.</summary>
    public int Rang { get; private set; }

    /// <summary>The timeline entries the runner noted, in order.</summary>
    public List<(string Name, string Detail)> Timeline { get; } = [];

    public List<(Verb Verb, string Reason)> FailedVerbs { get; } = [];

    public static async Task<StepHarness> StartAsync(bool recordings = false)
    {
        var engine = CreateMediaEngine();
        var (media, farEnd) = AnsweredSession(engine);
        var directory = recordings ? Directory.CreateTempSubdirectory("steps-").FullName : null;
        return await Task.FromResult(new StepHarness(engine, media, farEnd, directory));
    }

    /// <summary>A media engine with eight ports of its own (four sessions).</summary>
    public static MediaEngine CreateMediaEngine()
    {
        // 28000-29999: apart from the media tests' slices and the functional servers' blocks, which ./test runs beside these.
        var low = 28000 + (Interlocked.Add(ref s_nextPorts, 8) % 1992);
        return new MediaEngine(new MediaEngineOptions(IPAddress.Loopback, "127.0.0.1", low, low + 7), NullLoggerFactory.Instance, TimeProvider.System);
    }

    /// <summary>
    /// A second answered session on the same engine, with its own far end: the media of a dial leg. The harness
    /// closes it with the call.
    /// </summary>
    public (MediaSession Media, UdpClient FarEnd) CreatePeer()
    {
        var peer = AnsweredSession(_engine);
        _peers.Add(peer);
        return peer;
    }

    /// <summary>Places the legs of a dial under test; a dial cannot be placed when null.</summary>
    public Func<CallTarget, IDialLegObserver, IDialLeg>? PlaceLeg { get; set; }

    private static (MediaSession Media, UdpClient FarEnd) AnsweredSession(MediaEngine engine)
    {
        var media = engine.CreateSession(new NoObserver());
        var farEnd = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)farEnd.Client.LocalEndPoint!).Port;
        media.CreateOffer();
        var applied = media.ApplyAnswer(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + $"m=audio {port} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n");
        Assert.True(applied.IsSuccess, applied.Reason);
        return (media, farEnd);
    }

    public StepScope Scope(int generation = 1) => new(generation, Services with { Recognizers = Recognizers }, Runner);

    /// <summary>The engines the steps recognise speech with; none unless a test sets them.</summary>
    public ISpeechRecognizers? Recognizers { get; set; }

    /// <summary>
    /// Runs the loop for <paramref name="step"/> until <paramref name="done"/> holds: each message, or the outcome a
    /// piece of work brings back, goes to the step as the call's loop would hand it over.
    /// </summary>
    public async Task RunUntilAsync(VerbStep step, Func<bool> done)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done())
        {
            Dispatch(step, await _inbox.Reader.ReadAsync(patience.Token));
        }
    }

    /// <summary>Runs the loop for a whole <paramref name="runner"/> until <paramref name="done"/> holds, as <see cref="Call"/> dispatches.</summary>
    public async Task RunUntilAsync(VerbRunner runner, Func<bool> done)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!done())
        {
            Dispatch(runner, await _inbox.Reader.ReadAsync(patience.Token));
        }
    }

    /// <summary>Handles every message already waiting for <paramref name="runner"/>, then returns.</summary>
    public void RunPending(VerbRunner runner)
    {
        while (_inbox.Reader.TryRead(out var message))
        {
            Dispatch(runner, message);
        }
    }

    /// <summary>Handles every message already waiting, then returns.</summary>
    public void RunPending(VerbStep step)
    {
        while (_inbox.Reader.TryRead(out var message))
        {
            Dispatch(step, message);
        }
    }

    public CallSnapshot Snapshot() => new("call-1", "account-1", "+100", "+200", "sip-call-1", CallStatus.InProgress, Time.GetUtcNow(), Time.GetUtcNow(), null)
    {
        Tag = Tag,
    };

    public void EndCall(string reason, bool failed) => Ended.Add(reason);

    public void OnScriptEnded() => Ended.Add("script ended");

    public void SetTag(JsonElement tag) => Tag = tag;


    public bool EnsureAnswered() => true;

    public void Decline(int sipStatus, string reason, IReadOnlyList<KeyValuePair<string, string>> headers) => Declined = (sipStatus, reason);

    public void Alert(string alertInfo) => Alerted.Add(alertInfo);

    public void Ring() => Rang++;

    /// <summary>Detection a config verb started, in order.</summary>
    public List<AmdSettings> AmdStarted { get; } = [];

    public void StartAmd(AmdSettings settings) => AmdStarted.Add(settings);

    /// <summary>What the call's own recording was asked to do, in order.</summary>
    public List<CallRecordingAction> RecordingActions { get; } = [];

    public void ControlRecording(CallRecordingAction action) => RecordingActions.Add(action);

    /// <summary>How the transfers the peer asked for were answered, in order.</summary>
    public List<(uint Sequence, bool Accepted)> TransferAnswers { get; } = [];

    public void AnswerTransfer(uint sequence, bool accepted) => TransferAnswers.Add((sequence, accepted));

    /// <summary>Whether the call was asked to hand the peer's in-dialog requests to its verbs.</summary>
    public bool ForwardsPeerRequests { get; private set; }

    public void ForwardPeerRequests() => ForwardsPeerRequests = true;

    public void ReportVerbFailed(Verb verb, string reason) => FailedVerbs.Add((verb, reason));

    public void Note(string eventName, string detail) => Timeline.Add((eventName, detail));

    /// <summary>Requests the steps sent inside the dialog, and REFERs, in order.</summary>
    public List<object> SentInDialog { get; } = [];

    /// <summary>How the far end answers what is sent inside the dialog; a request waits until it is set.</summary>
    public TaskCompletionSource<InDialogAnswer> InDialogAnswer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<InDialogAnswer> SendInDialogAsync(InDialogRequest request, CancellationToken cancellationToken)
    {
        lock (SentInDialog)
        {
            SentInDialog.Add(request);
        }

        return InDialogAnswer.Task.WaitAsync(cancellationToken);
    }

    public Task<InDialogAnswer> ReferAsync(ReferVerb refer, CancellationToken cancellationToken)
    {
        lock (SentInDialog)
        {
            SentInDialog.Add(refer);
        }

        return InDialogAnswer.Task.WaitAsync(cancellationToken);
    }

    public Task<IDialLeg> PlaceDialLegAsync(DialVerb dial, CallTarget target, IDialLegObserver observer, CancellationToken cancellationToken) =>
        Task.FromResult(PlaceLeg is { } place ? place(target, observer) : throw new NotSupportedException());

    public async ValueTask DisposeAsync()
    {
        foreach (var (media, farEnd) in _peers)
        {
            farEnd.Dispose();
            await media.DisposeAsync();
        }

        FarEnd.Dispose();
        await Media.DisposeAsync();
        await _engine.DisposeAsync();
    }

    private void Dispatch(VerbRunner runner, CallMessage message) => Dispatch(message, runner.OnStep);

    // A step the runner has left hears nothing stamped any more: the runner moved to a new generation.
    private void Dispatch(VerbStep step, CallMessage message) =>
        Dispatch(message, stamped =>
        {
            if (stamped.Generation == step.Generation && !Runner.Left)
            {
                step.OnMessage(stamped);
            }
        });

    private void Dispatch(CallMessage message, Action<VerbStepMessage> onStamped)
    {
        switch (message)
        {
            case WorkEnded ended:
                if (Work.OnEnded(ended) is { } outcome)
                {
                    Dispatch(outcome, onStamped);
                }

                break;
            case VerbStepMessage stamped:
                Handled.Add(stamped);
                onStamped(stamped);
                break;
            case StepWorkMessage own:
                Handled.Add(own);
                VerbRunner.OnStepWork(own);
                break;
        }
    }

    private sealed class NoObserver : IMediaSessionObserver
    {
        public void OnDigit(DtmfDigit digit)
        {
        }
    }
}

/// <summary>The runner as a step sees it, keeping what the step reported.</summary>
internal sealed class RecordingRunner : IStepRunner
{
    public SpeechDefaults Speech { get; set; } = SpeechDefaults.None;

    public RecognizerOptions Recognizer { get; set; } = RecognizerOptions.None;

    public string? ReferHook { get; set; }

    public string? PeerRequestHook { get; set; }

    public TypeAheadKeys TypeAhead { get; } = new();

    public BackgroundSteps? Background => null;

    public bool Completed { get; private set; }

    public VerbResult? Reported { get; private set; }

    public char? BargedIn { get; private set; }

    /// <summary>Whether the runner has left the step (a result reported, a barge-in).</summary>
    public bool Left => Reported is not null || BargedIn is not null;

    public void Complete(VerbStep step) => Completed = true;

    public void Report(VerbStep step, VerbResult result)
    {
        Reported = result;
        step.Leave();
    }

    public void BargeIn(VerbStep step, char key)
    {
        BargedIn = key;
        step.Leave();
    }

    /// <summary>The verbs that replaced the step (a dialled leg's answering-machine hook answered), or null.</summary>
    public IReadOnlyList<Verb>? Replacement { get; private set; }

    public void Replace(VerbStep step, IReadOnlyList<Verb> verbs)
    {
        Replacement = verbs;
        step.Leave();
    }
}

/// <summary>Renders every prompt as <see cref="Clip"/>, or fails when <see cref="Failure"/> is set.</summary>
internal sealed class ScriptedPrompts : IPromptRenderer
{
    public AudioClip Clip { get; set; } = new(Enumerable.Repeat((short)4000, 480).ToArray());

    public string? Failure { get; set; }

    public int Rendered { get; private set; }

    public Task<AudioClip> RenderAsync(Verb prompt, SpeechDefaults defaults, CancellationToken cancellationToken)
    {
        Rendered++;
        return Failure is null ? Task.FromResult(Clip) : Task.FromException<AudioClip>(new InvalidOperationException(Failure));
    }
}

/// <summary>A script source that starts with <see cref="StartVerbs"/>, keeps the results it is told of and answers each with <see cref="Reply"/>.</summary>
internal sealed class RecordingScript : IScriptSource, ISpeechHooks, ITransferHooks, IDialLegHooks, IReferHooks, IKeyPatternHooks
{
    /// <summary>The key patterns posted to dtmf hooks, with the party that pressed them, in order.</summary>
    public List<(string Hook, string CallSid, string Pattern)> KeyPatterns { get; } = [];

    public ValueTask OnKeyPatternAsync(CallSnapshot call, string hook, string pattern, CancellationToken cancellationToken)
    {
        lock (KeyPatterns)
        {
            KeyPatterns.Add((hook, call.Sid, pattern));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The transfers posted to refer hooks, with the call they were posted with, in order.</summary>
    public List<(string Hook, string CallSid, IncomingTransfer Transfer)> Transfers { get; } = [];

    /// <summary>What a refer hook answers; a null answer stands for a hook that failed.</summary>
    public IReadOnlyList<Verb>? ReferAnswer { get; set; } = [];

    public ValueTask<IReadOnlyList<Verb>> OnTransferAskedAsync(CallSnapshot call, string hook, IncomingTransfer transfer, CancellationToken cancellationToken)
    {
        lock (Transfers)
        {
            Transfers.Add((hook, call.Sid, transfer));
        }

        return ReferAnswer is { } answer ? ValueTask.FromResult(answer) : ValueTask.FromException<IReadOnlyList<Verb>>(new InvalidOperationException("the refer hook answered HTTP 500"));
    }

    /// <summary>The hooks a dialled leg's own applications were made for, in order.</summary>
    public List<string> LegApplications { get; } = [];

    public IScriptSource ConfirmScript(string confirmHook) => LegScript(confirmHook);

    public IScriptSource AdoptedScript(string hook) => LegScript(hook);

    public IScriptSource AdoptedScript(IReadOnlyList<Verb> verbs) => new RecordingScript { StartVerbs = verbs };

    public IAmdHook AmdHook(string actionHook) => throw new NotSupportedException();

    private RecordingScript LegScript(string hook)
    {
        LegApplications.Add(hook);
        return new RecordingScript();
    }

    /// <summary>Transfer progress posted to event hooks, in order.</summary>
    public List<(string Hook, int SipStatus)> TransferReports { get; } = [];

    public ValueTask OnTransferProgressAsync(CallSnapshot call, string hook, int sipStatus, CancellationToken cancellationToken)
    {
        lock (TransferReports)
        {
            TransferReports.Add((hook, sipStatus));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Transcripts posted to hooks (a transcribe's, a gather's interim results), in order.</summary>
    public List<(string Hook, string Transcript, bool IsFinal)> Transcripts { get; } = [];

    public ValueTask OnTranscriptAsync(CallSnapshot call, string hook, RecognitionResult transcript, bool isFinal, CancellationToken cancellationToken)
    {
        lock (Transcripts)
        {
            Transcripts.Add((hook, transcript.Transcript, isFinal));
        }

        return ValueTask.CompletedTask;
    }

    private readonly TaskCompletionSource<VerbResult> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<VerbResult> FirstResult => _first.Task;

    public List<VerbResult> Results { get; } = [];

    public IReadOnlyList<Verb> StartVerbs { get; set; } = [];

    /// <summary>The verbs that replace the queue after a result; null keeps it.</summary>
    public Func<VerbResult, IReadOnlyList<Verb>?> Reply { get; set; } = static _ => null;

    public ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken) => ValueTask.FromResult(StartVerbs);

    public ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken)
    {
        lock (Results)
        {
            Results.Add(result);
        }

        _first.TrySetResult(result);
        return ValueTask.FromResult(Reply(result));
    }
}

/// <summary>The recordings the library stored, in memory.</summary>
internal sealed class InMemoryRecordingStore : IRecordingStore
{
    public List<RecordingRecord> Rows { get; } = [];

    public Task<WriteOutcome> CreateAsync(RecordingRecord recording, CancellationToken cancellationToken)
    {
        lock (Rows)
        {
            Rows.Add(recording);
        }

        return Task.FromResult(WriteOutcome.Done);
    }

    public Task<RecordingRecord?> FindAsync(string accountSid, string recordingSid, CancellationToken cancellationToken) =>
        Task.FromResult(Rows.FirstOrDefault(row => row.Sid == recordingSid));

    public Task<Page<RecordingRecord>> ListAsync(string accountSid, string? callSid, PageRequest page, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<WriteOutcome> DeleteAsync(string accountSid, string recordingSid, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
