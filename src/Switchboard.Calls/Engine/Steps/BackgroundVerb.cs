using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// A verb that runs beside the call's verbs (<c>config</c>'s bargeIn and transcribe). Its step has a generation of its
/// own, so the runner hands it the messages it asked for and nothing else, and a timer of its own, so it never
/// disarms the running verb's. It is the runner its step reports to. Loop only; it ends with the call, or when a later
/// <c>config</c> replaces or stops it.
/// </summary>
internal abstract class BackgroundVerb : IStepRunner, IDisposable
{
    private readonly LoopTimer _timer;
    private readonly IStepRunner _foreground;
    private readonly Func<int> _issueGeneration;
    private int _stepGeneration = -1;

    protected BackgroundVerb(StepServices services, IStepRunner foreground, Func<int> issueGeneration)
    {
        _timer = new LoopTimer(services.Inbox, services.Time);
        Services = services with { Timer = _timer };
        _foreground = foreground;
        _issueGeneration = issueGeneration;
    }

    protected StepServices Services { get; }

    /// <summary>The step it runs now; null between two (waiting for a hook) or once it is over.</summary>
    protected VerbStep? Step { get; private set; }

    /// <summary>Whether it has nothing more to do (it fired and is not sticky, or could not start).</summary>
    public bool IsOver { get; protected set; }

    protected bool IsDisposed { get; private set; }

    public SpeechDefaults Speech
    {
        get => _foreground.Speech;
        set => _foreground.Speech = value;
    }

    public RecognizerOptions Recognizer
    {
        get => _foreground.Recognizer;
        set => _foreground.Recognizer = value;
    }

    public string? ReferHook
    {
        get => _foreground.ReferHook;
        set => _foreground.ReferHook = value;
    }

    public string? PeerRequestHook
    {
        get => _foreground.PeerRequestHook;
        set => _foreground.PeerRequestHook = value;
    }

    /// <summary>Its own: a background gather never takes the keys kept for the call's next gather.</summary>
    public TypeAheadKeys TypeAhead { get; } = new();

    /// <summary>A background verb starts no other.</summary>
    public BackgroundSteps? Background => null;

    /// <summary>Whether a message stamped <paramref name="generation"/> was asked for by this verb.</summary>
    public virtual bool Owns(int generation) => Step is not null && generation == _stepGeneration;

    /// <summary>A message it owns (<see cref="Owns"/>).</summary>
    public virtual void OnMessage(VerbStepMessage message) => Step?.OnMessage(message);

    public abstract void Complete(VerbStep step);

    public abstract void Report(VerbStep step, VerbResult result);

    /// <summary>A background step plays no prompt a key could stop.</summary>
    public void BargeIn(VerbStep step, char key)
    {
    }

    /// <summary>Only a dial replaces the application from inside a step, and no dial runs in the background.</summary>
    public void Replace(VerbStep step, IReadOnlyList<Verb> verbs)
    {
    }

    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        IsDisposed = true;
        IsOver = true;
        LeaveStep();
        _timer.Dispose();
    }

    /// <summary>Starts the step <paramref name="create"/> makes, under a new generation.</summary>
    protected void Run(Func<StepScope, VerbStep> create)
    {
        LeaveStep();
        _stepGeneration = IssueGeneration();
        var step = create(new StepScope(_stepGeneration, Services, this));
        Step = step;
        step.Start();
    }

    protected void LeaveStep()
    {
        _timer.Disarm();
        var left = Step;
        Step = null;
        left?.Leave();
    }

    /// <summary>A generation no other step or question of the call has, for a message this verb asks for.</summary>
    protected int IssueGeneration() => _issueGeneration();
}
