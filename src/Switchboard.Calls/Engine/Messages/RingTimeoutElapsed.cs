namespace Switchboard.Calls.Engine.Messages;

internal sealed record RingTimeoutElapsed : CallMessage;
