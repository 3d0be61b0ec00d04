using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Bridging;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// One running <c>dial</c>: every target rings at once, the first to answer is bridged to the dialling call and
/// the others are canceled. Lives on the dialling call's loop; the legs report through the loop's channel, so only
/// the list of placed legs (written by the placing work) needs a lock.
/// </summary>
internal sealed class DialStep(DialVerb verb, StepScope scope) : VerbStep(scope), IDialLegObserver
{
    private readonly Lock _placedGate = new();
    private readonly List<IDialLeg> _placed = [];
    private readonly CancellationTokenSource _placing = new();
    private int _outstanding;
    private IDialLeg? _connected;
    private MediaBridge? _bridge;
    private long _connectedAt;
    private DialLegEnded? _mostHopeful;
    private bool _left;

    public override bool NeedsMedia => false;

    /// <summary>Places every target; each one's outcome comes back through the channel.</summary>
    public override void Start()
    {
        _outstanding = verb.Targets.Count;
        var placing = _placing.Token;
        foreach (var target in verb.Targets)
        {
            Services.Work.Run(_ => PlaceAsync(target, placing), _ => null, endsWithOwner: false);
        }
    }

    /// <summary>Called on a leg's loop: hands the answer to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegAnswered(IDialLeg leg) => Services.Inbox.TryWrite(new DialLegAnswered(Generation, leg));

    /// <summary>Called on a leg's loop: hands the end to the dialling call's loop.</summary>
    void IDialLegObserver.OnLegEnded(IDialLeg leg, CallStatus status, int? sipStatus) =>
        Services.Inbox.TryWrite(new DialLegEnded(Generation, leg, status, sipStatus, null));

    public override void OnMessage(VerbStepMessage message)
    {
        switch (message)
        {
            case DialLegAnswered answered:
                OnLegAnswered(answered.Leg);
                break;
            case DialLegEnded ended when OnLegEnded(ended) is { } result:
                StepLog.DialEnded(Services.Logger, Services.CallSid, result.Status.ToWire(), result.DialCallSid);
                Runner.Report(this, result);
                break;
        }
    }

    /// <summary>The first answer wins: the call is answered if it still rang, bridged, and the other legs canceled.</summary>
    public void OnLegAnswered(IDialLeg leg)
    {
        if (_connected is not null)
        {
            // Two answers crossed; the later one is hung up (RFC 3261 §13.2.2.4 leaves it to the UAC).
            leg.RequestHangup("another target answered first");
            return;
        }

        if (leg.Media is not { } legMedia || !Services.Host.EnsureAnswered())
        {
            leg.RequestHangup("the caller has gone");
            return;
        }

        _connected = leg;
        _bridge = MediaBridge.Connect(Services.Media, legMedia, new BridgeOptions { PassDigits = verb.PassDigits });
        _connectedAt = Services.Time.GetTimestamp();
        StepLog.DialConnected(Services.Logger, Services.CallSid, leg.Sid);
        foreach (var other in PlacedLegs())
        {
            if (!ReferenceEquals(other, leg))
            {
                other.RequestHangup("another target answered first");
            }
        }
    }

    /// <summary>A leg has its final status; returns the dial's result once the dial is over, else null.</summary>
    public DialResult? OnLegEnded(DialLegEnded ended)
    {
        _outstanding--;
        if (_connected is not null && ReferenceEquals(ended.Leg, _connected))
        {
            DisconnectBridge();
            return new DialResult(verb, CallStatus.Completed, 200, _connected.Sid, Services.Time.GetElapsedTime(_connectedAt));
        }

        if (_mostHopeful is null || Hope(ended.Status) < Hope(_mostHopeful.Status))
        {
            _mostHopeful = ended;
        }

        if (_connected is not null || _outstanding > 0)
        {
            return null;
        }

        var outcome = _mostHopeful!;
        var status = outcome.Status == CallStatus.Canceled ? CallStatus.NoAnswer : outcome.Status;
        return new DialResult(verb, status, outcome.SipStatus, outcome.Leg?.Sid, TimeSpan.Zero);
    }

    /// <summary>Leaves the dial: the bridge comes down and every leg still up is hung up or canceled.</summary>
    public override void Leave()
    {
        IDialLeg[] legs;
        lock (_placedGate)
        {
            if (_left)
            {
                return;
            }

            _left = true;
            legs = [.. _placed];
        }

        _placing.Cancel();
        _placing.Dispose();
        DisconnectBridge();
        foreach (var leg in legs)
        {
            leg.RequestHangup("the dial was left");
        }
    }

    /// <summary>Placing work: null once the leg is placed (it reports through the observer), else the failed leg.</summary>
    private async Task<CallMessage?> PlaceAsync(CallTarget target, CancellationToken placing)
    {
        try
        {
            var leg = await Services.Host.PlaceDialLegAsync(verb, target, this, placing).ConfigureAwait(false);
            bool keep;
            lock (_placedGate)
            {
                keep = !_left;
                if (keep)
                {
                    _placed.Add(leg);
                }
            }

            if (!keep)
            {
                leg.RequestHangup("the dial was left");
            }

            return null;
        }
        catch (Exception exception)
        {
            // A target that cannot even be placed is one more failed leg; it must not end the dial by itself.
            StepLog.DialLegNotPlaced(Services.Logger, Services.CallSid, target.Address, exception.Message);
            return new DialLegEnded(Generation, null, CallStatus.Failed, exception is NoRouteException ? 404 : 503, exception.Message);
        }
    }

    private IDialLeg[] PlacedLegs()
    {
        lock (_placedGate)
        {
            return [.. _placed];
        }
    }

    private void DisconnectBridge()
    {
        _bridge?.Disconnect();
        _bridge = null;
    }

    /// <summary>
    /// Which failure to report when nobody answered: a target that rang out is the most hopeful (try again later),
    /// then a busy one, then one that failed outright.
    /// </summary>
    private static int Hope(CallStatus status) => status switch
    {
        CallStatus.NoAnswer or CallStatus.Canceled => 0,
        CallStatus.Busy => 1,
        _ => 2,
    };
}
