using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// The hooks a <c>dial</c> names for its legs (<see cref="Verbs.DialVerb.ConfirmHook"/>, the <c>amd</c> action hook, a live <c>child_call_hook</c>),
/// made by the dialling call's script source, which knows how to post to them. A script source that cannot does not
/// implement this, and such a dial runs without them.
/// </summary>
public interface IDialLegHooks
{
    /// <summary>The application an answering target runs before it is bridged: its verbs come from <paramref name="confirmHook"/>.</summary>
    IScriptSource ConfirmScript(string confirmHook);

    /// <summary>
    /// The application a connected leg runs once the dial lets it go (jambonz <c>child_call_hook</c>): its verbs come
    /// from <paramref name="hook"/>, and it may do all an application does.
    /// </summary>
    IScriptSource AdoptedScript(string hook);

    /// <summary>As <see cref="AdoptedScript(string)"/>, starting with <paramref name="verbs"/> (a <c>referHook</c>'s answer) instead of a hook's.</summary>
    IScriptSource AdoptedScript(IReadOnlyList<Verb> verbs);

    /// <summary>Where a dialled leg's answering-machine events go.</summary>
    IAmdHook AmdHook(string actionHook);
}
