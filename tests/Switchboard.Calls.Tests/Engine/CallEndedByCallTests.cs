using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Tests.Engine.Steps;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;
using Switchboard.Media.Speech;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Recordings;

namespace Switchboard.Calls.Tests.Engine;

/// <summary>
/// Who ended a call, read from its final status: real outbound calls from the engine's user agent to a second user
/// agent on loopback that plays the phone (it rings, answers, refuses or hangs up as each test decides).
/// </summary>
public sealed class CallEndedByCallTests : IAsyncLifetime
{
    private const string PhoneSdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private readonly Channel<InboundCall> _rung = Channel.CreateUnbounded<InboundCall>();
    private readonly Channel<CallStatusChanged> _statuses = Channel.CreateUnbounded<CallStatusChanged>();
    private SipUserAgent _phone = null!;
    private SipUserAgent _sip = null!;
    private MediaEngine _media = null!;
    private CallEngine _engine = null!;
    private readonly DirectoryInfo _recordings = Directory.CreateTempSubdirectory("ended-by-");

    private InMemoryRecordingStore Recordings { get; } = new();

    public async Task InitializeAsync()
    {
        _phone = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), TimeProvider.System, NullLoggerFactory.Instance)
        {
            InboundCalls = new Phone(_rung.Writer),
        };
        await _phone.StartAsync(CancellationToken.None);
        _sip = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), TimeProvider.System, NullLoggerFactory.Instance);
        await _sip.StartAsync(CancellationToken.None);
        _media = StepHarness.CreateMediaEngine();
        _engine = new CallEngine(
            new CallEngineOptions(null),
            _sip,
            _media,
            new SpeechSynthesizerRegistry([new SilentSynthesizer()]),
            new AudioFetcher(new HttpClient(), new AudioFetcherOptions(), TimeProvider.System, NullLogger<AudioFetcher>.Instance),
            new NullCallStore(),
            TimeProvider.System,
            NullLogger<CallEngine>.Instance,
            new RecordingLibrary(Recordings, new RecordingFiles(_recordings.FullName), TimeProvider.System, NullLogger<RecordingLibrary>.Instance));
    }

    public async Task DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _media.DisposeAsync();
        await _sip.DisposeAsync();
        await _phone.DisposeAsync();
        _recordings.Delete(recursive: true);
    }

    [Fact]
    public async Task AnApiHangUpWhileItRings_EndsItForTheApi()
    {
        var sid = await PlaceAsync();
        (await RingsAsync()).Ring();
        await StatusAsync(CallStatus.Ringing);

        _engine.Hangup(sid);

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Canceled, CallEndedBy.Api), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task ARingTimeout_EndsItForTheServer()
    {
        await PlaceAsync(request => request with { RingTimeout = TimeSpan.FromMilliseconds(300) });
        (await RingsAsync()).Ring();

        var final = await FinalAsync();
        Assert.Equal((CallStatus.NoAnswer, CallEndedBy.Server), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task APhoneThatIsBusy_EndsItForTheFarEnd()
    {
        await PlaceAsync();
        (await RingsAsync()).Reject(486, "Busy Here");

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Busy, CallEndedBy.FarEnd), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task APhoneThatHangsUp_EndsItForTheFarEnd()
    {
        await PlaceAsync();
        var phone = await AnswersAsync();

        await phone.HangupAsync(CancellationToken.None);

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Completed, CallEndedBy.FarEnd), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task AnApiHangUp_EndsItForTheApi()
    {
        var sid = await PlaceAsync();
        await AnswersAsync();

        _engine.Hangup(sid);

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Completed, CallEndedBy.Api), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task AHangupVerb_EndsItForTheApplication()
    {
        await PlaceAsync(request => request with { Script = new RecordingScript { StartVerbs = [new HangupVerb()] } });
        await AnswersAsync();

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Completed, CallEndedBy.Application), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task TheTimeLimit_EndsItForTheServer()
    {
        await PlaceAsync(request => request with { TimeLimit = TimeSpan.FromMilliseconds(300) });
        await AnswersAsync();

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Completed, CallEndedBy.Server), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task ACallerWhoHangsUpWhileConnected_EndsTheDial_WhoseResultStillReachesTheScript()
    {
        var script = new RecordingScript { StartVerbs = [new DialVerb([PhoneTarget], TimeSpan.FromSeconds(20), "https://app/dial") { RecordParties = true }] };
        await PlaceAsync(request => request with { Script = script });
        var caller = await AnswersAsync();
        var callee = await RingsAsync();
        Assert.True(callee.Answer(PhoneSdp));

        // The party recordings start the moment the two are bridged.
        await WaitUntilAsync(() => _recordings.GetFiles().Length == 2);
        await caller.HangupAsync(CancellationToken.None);

        var final = await FinalAsync();
        Assert.Equal(CallEndedBy.FarEnd, final.EndedBy);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = Assert.IsType<DialResult>(await script.FirstResult.WaitAsync(patience.Token));
        Assert.Equal((DialEndedBy.Caller, CallStatus.Completed), (result.EndedBy, result.Status));
        Assert.NotNull(result.ConnectedAt);
        Assert.Equal(2, result.RecordingSids.Count);
        Assert.Equal(result.RecordingSids, Recordings.Rows.Select(row => row.Sid));
    }

    [Fact]
    public async Task ARejectVerb_RefusesAnInboundCall_ForTheApplication()
    {
        _engine.AcceptInboundCalls(new Router(Inbound(new RecordingScript { StartVerbs = [new RejectVerb(486, null)] })));
        var caller = new Caller();

        _phone.PlaceCall(new OutboundCallRequest(EngineTarget, "+100", null, null, [], PhoneSdp), caller);

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Busy, CallEndedBy.Application), (final.Call.Status, final.EndedBy));
    }

    [Fact]
    public async Task ACallerWhoHangsUpWhileItRings_EndsAnInboundCallForTheFarEnd()
    {
        _engine.AcceptInboundCalls(new Router(Inbound(new SilentScript())));
        var caller = new Caller();

        var call = _phone.PlaceCall(new OutboundCallRequest(EngineTarget, "+100", null, null, [], PhoneSdp), caller);
        await StatusAsync(CallStatus.Ringing);
        await caller.Rang.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await call.HangupAsync(CancellationToken.None);

        var final = await FinalAsync();
        Assert.Equal((CallStatus.Canceled, CallEndedBy.FarEnd), (final.Call.Status, final.EndedBy));
    }

    private string EngineTarget => $"sip:+200@127.0.0.1:{_sip.LocalEndPoint.Port}";

    private CallRequest Inbound(IScriptSource script) =>
        new("account-1", "+100", null, null, CallTarget.Phone("+200"), TimeSpan.FromSeconds(20), [], script, new Statuses(_statuses.Writer));

    private CallTarget PhoneTarget => CallTarget.Sip($"sip:phone@127.0.0.1:{_phone.LocalEndPoint.Port}");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }

    /// <summary>Places a call to the phone whose script pauses long enough for any test.</summary>
    private async Task<string> PlaceAsync(Func<CallRequest, CallRequest>? change = null)
    {
        var request = new CallRequest(
            "account-1", "+100", null, null, PhoneTarget, TimeSpan.FromSeconds(20), [],
            new RecordingScript { StartVerbs = [new PauseVerb(TimeSpan.FromMinutes(1))] }, new Statuses(_statuses.Writer));
        return (await _engine.PlaceCallAsync(change is null ? request : change(request), CancellationToken.None)).Sid;
    }

    private async Task<InboundCall> RingsAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _rung.Reader.ReadAsync(patience.Token);
    }

    private async Task<InboundCall> AnswersAsync()
    {
        var phone = await RingsAsync();
        Assert.True(phone.Answer(PhoneSdp));
        await StatusAsync(CallStatus.InProgress);
        return phone;
    }

    private async Task StatusAsync(CallStatus status)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((await _statuses.Reader.ReadAsync(patience.Token)).Call.Status != status)
        {
        }
    }

    private async Task<CallStatusChanged> FinalAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var change = await _statuses.Reader.ReadAsync(patience.Token);
            if (change.Call.Status.IsFinal())
            {
                return change;
            }

            Assert.Null(change.EndedBy);
        }
    }

    private sealed class Phone(ChannelWriter<InboundCall> rung) : IInboundCallHandler, ISipCallObserver
    {
        public void OnIncomingCall(InboundCall call)
        {
            call.Attach(this);
            rung.TryWrite(call);
        }

        public void OnSipEvent(SipCallEvent sipEvent)
        {
        }
    }

    private sealed class Router(CallRequest request) : IInboundCallRouter
    {
        public ValueTask<InboundRoute> RouteAsync(InboundCallOffer offer, CancellationToken cancellationToken) => ValueTask.FromResult(InboundRoute.Accept(request));
    }

    /// <summary>The calling side of an inbound call: it only needs to know that the engine rang.</summary>
    private sealed class Caller : ISipCallObserver
    {
        public TaskCompletionSource Rang { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnSipEvent(SipCallEvent sipEvent)
        {
            if (sipEvent is SipCallProgress)
            {
                Rang.TrySetResult();
            }
        }
    }

    /// <summary>A script that never answers, so the call rings until the caller gives up.</summary>
    private sealed class SilentScript : IScriptSource
    {
        public async ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }

        public ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken) =>
            ValueTask.FromResult<IReadOnlyList<Verb>?>(null);
    }

    private sealed class Statuses(ChannelWriter<CallStatusChanged> statuses) : ICallEventSink
    {
        public void OnCallEvent(CallEvent callEvent)
        {
            if (callEvent is CallStatusChanged change)
            {
                statuses.TryWrite(change);
            }
        }
    }

    private sealed class SilentSynthesizer : ISpeechSynthesizer
    {
        public string Vendor => "silent";

        public ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken) => ValueTask.FromResult(new AudioClip(new short[800]));
    }
}
