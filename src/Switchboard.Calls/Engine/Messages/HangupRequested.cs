namespace Switchboard.Calls.Engine.Messages;

/// <summary>End the call; <paramref name="Failed"/> when the script broke, so an answered call ends failed, not completed.</summary>
internal sealed record HangupRequested(string Reason, bool Failed) : CallMessage;
