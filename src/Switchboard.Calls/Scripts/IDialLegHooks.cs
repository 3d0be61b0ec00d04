namespace Switchboard.Calls.Scripts;

/// <summary>
/// The hooks a <c>dial</c> names for its legs (<see cref="Verbs.DialVerb.ConfirmHook"/>, the <c>amd</c> action hook),
/// made by the dialling call's script source, which knows how to post to them. A script source that cannot implements
/// neither and such a dial runs without them.
/// </summary>
public interface IDialLegHooks
{
    /// <summary>The application an answering target runs before it is bridged: its verbs come from <paramref name="confirmHook"/>.</summary>
    IScriptSource ConfirmScript(string confirmHook);

    /// <summary>Where a dialled leg's answering-machine events go.</summary>
    IAmdHook AmdHook(string actionHook);
}
