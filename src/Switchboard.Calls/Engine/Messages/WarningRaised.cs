namespace Switchboard.Calls.Engine.Messages;

/// <summary>Something the application asked for was not done (a verb skipped): recorded among the call's events.</summary>
internal sealed record WarningRaised(string Subject, string Reason) : CallMessage;
