namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control: hold the caller's audio back from everyone (or let it through again).</summary>
internal sealed record MuteRequested(bool Muted) : CallMessage;
