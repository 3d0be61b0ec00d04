namespace Switchboard.Calls.Verbs;

/// <summary>
/// Calls <paramref name="Targets"/> at once (simultaneous ring): the first to answer is connected to this call and
/// the others are canceled. Each rings for at most <paramref name="Timeout"/>. When the connected party hangs up (or
/// nobody answers) the result goes to the script source with <paramref name="ActionHook"/>, and the call goes on.
/// </summary>
public sealed record DialVerb(IReadOnlyList<Engine.CallTarget> Targets, TimeSpan Timeout, string? ActionHook) : Verb
{
    public override string Name => "dial";

    /// <summary>The caller ID the targets see; the call's own caller (inbound) or number (outbound) when null.</summary>
    public string? CallerId { get; init; }

    /// <summary>The From display name the targets see.</summary>
    public string? CallerName { get; init; }

    /// <summary>Headers added to every target's INVITE.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The longest the connected leg may last; it is hung up then.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Whether keys pressed on either side are passed to the other while connected.</summary>
    public bool PassDigits { get; init; } = true;

    /// <summary>Played to the caller, over and over, while the targets ring (a prompt verb); the caller hears ringing or silence when null.</summary>
    public Verb? HoldPrompt { get; init; }

    /// <summary>Played to the target that answers before the two are connected (a prompt verb); none when null.</summary>
    public Verb? Greeting { get; init; }

    /// <summary>How many times <see cref="Greeting"/> plays after the first: 0 plays it once.</summary>
    public int GreetingRepeats { get; init; }

    /// <summary>Records both parties while connected, each as a Recording of its own (mono, what that party said).</summary>
    public bool RecordParties { get; init; }

    /// <summary>
    /// The hook whose application each answering target runs, on its own leg, before it is bridged (jambonz's
    /// <c>confirmHook</c>): the target is connected only if those verbs end with it still there. The script source
    /// of the dialling call resolves it (<see cref="Scripts.IDialLegHooks"/>); none when null.
    /// </summary>
    public string? ConfirmHook { get; init; }

    /// <summary>
    /// Where a transfer either connected party asks for (an incoming REFER) is posted (jambonz's <c>referHook</c>): the
    /// answer's verbs run for the other party (the caller's application, or the callee's own after it leaves the dial).
    /// Such transfers are refused when null.
    /// </summary>
    public string? ReferHook { get; init; }

    /// <summary>
    /// Where the key patterns a connected party presses are posted (jambonz's <c>dtmfHook</c>), with the party's call;
    /// the patterns are <see cref="CallerKeyPatterns"/> and <see cref="CalleeKeyPatterns"/> (its <c>dtmfCapture</c>).
    /// </summary>
    public string? DtmfHook { get; init; }

    /// <summary>The key sequences of the caller's that are posted to <see cref="DtmfHook"/>, such as <c>*2</c>.</summary>
    public IReadOnlyList<string> CallerKeyPatterns { get; init; } = [];

    /// <summary>The key sequences of the callee's that are posted to <see cref="DtmfHook"/>.</summary>
    public IReadOnlyList<string> CalleeKeyPatterns { get; init; } = [];

    /// <summary>Answering-machine detection on each answering target, its events posted to a hook; none when null.</summary>
    public DialAmd? Amd { get; init; }
}
