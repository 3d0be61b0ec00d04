namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control (<c>listen_status</c>): the call's media streams stop sending the caller's audio, or send it again.</summary>
internal sealed record ListenPauseRequested(bool Paused) : CallMessage;
