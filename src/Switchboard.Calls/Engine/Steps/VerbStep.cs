using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// One running verb. Each verb that runs over time has its own step type that owns its state and reports how it
/// ended (<see cref="IStepRunner.Complete"/> or <see cref="IStepRunner.Report"/>); the runner only keeps the queue,
/// the type-ahead keys and the generation, and hands the current step what arrives for it. Every method runs on the
/// call's loop.
/// </summary>
internal abstract class VerbStep(StepScope scope)
{
    protected StepScope Scope => scope;

    protected StepServices Services => scope.Services;

    protected IStepRunner Runner => scope.Runner;

    /// <summary>Stamps the messages this step asks for.</summary>
    public int Generation => scope.Generation;

    /// <summary>
    /// Whether the verb plays, hears or sends media, so an inbound call must be answered before it starts. Verbs that
    /// only steer the call (tag, config, redirect, hangup, sip:decline) run while it still rings, and a <c>dial</c>
    /// answers only when a target does, so the caller keeps hearing ringing until then.
    /// </summary>
    public virtual bool NeedsMedia => true;

    /// <summary>Whether keys are this verb's input (a gather, a record), so a background barge-in leaves them to it.</summary>
    public virtual bool TakesKeys => false;

    /// <summary>Whether it only plays a prompt, which a background barge-in stops (a say, a play).</summary>
    public virtual bool IsPrompt => false;

    public abstract void Start();

    /// <summary>A key from the caller (RFC 4733, in-band or SIP INFO: they all arrive here). By default it is kept for the next gather.</summary>
    public virtual void OnDigit(char key) => Runner.TypeAhead.Keep(key);

    /// <summary>A message stamped with this step's generation: a prompt ready, a playback ended, the timer, a dial leg.</summary>
    public virtual void OnMessage(VerbStepMessage message)
    {
    }

    /// <summary>A message this step's own work addressed to it, whether or not it still runs.</summary>
    public virtual void OnOwnMessage(StepWorkMessage message)
    {
    }

    /// <summary>The peer reported how a transfer this call asked for is going; only a <c>sip:refer</c> listens.</summary>
    public virtual void OnTransferProgress(Signalling.TransferProgress progress)
    {
    }

    /// <summary>
    /// Live control: <paramref name="prompts"/> (say and play) should play to the party <paramref name="partySid"/>.
    /// Only a connected dial can; false when this step cannot.
    /// </summary>
    public virtual bool OnWhisper(IReadOnlyList<Verbs.Verb> prompts, string partySid) => false;

    /// <summary>Live control: the connected party should leave and run <paramref name="hook"/>'s application. Only a connected dial can.</summary>
    public virtual bool OnChildRedirect(string hook) => false;

    /// <summary>
    /// The call's peer asked for a transfer (an incoming REFER). True when this step takes it (a connected dial with
    /// a <c>referHook</c>) and will answer it; otherwise the call's own <c>referHook</c>, if any, hears of it.
    /// </summary>
    public virtual bool OnTransferAsked(IncomingTransfer transfer) => false;

    /// <summary>The verb is left (its end, a barge-in, a redirect, new verbs): stop whatever it runs.</summary>
    public virtual void Leave()
    {
    }

    /// <summary>The call ended while this step ran. By default the step is simply left.</summary>
    public virtual void OnCallEnded(CallSnapshot endedCall) => Leave();
}
