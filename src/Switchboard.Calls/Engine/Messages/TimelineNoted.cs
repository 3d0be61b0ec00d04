namespace Switchboard.Calls.Engine.Messages;

/// <summary>An entry for the call's timeline, stamped when it happened; the call stores it in its turn.</summary>
internal sealed record TimelineNoted(string Name, string Detail, DateTimeOffset At) : CallMessage;
