namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control: leave the current verbs and run what <paramref name="ActionHook"/> answers.</summary>
internal sealed record RedirectRequested(string ActionHook) : CallMessage;
