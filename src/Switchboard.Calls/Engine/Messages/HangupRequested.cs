namespace Switchboard.Calls.Engine.Messages;

internal sealed record HangupRequested(string Reason) : CallMessage;
