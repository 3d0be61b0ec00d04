namespace Switchboard.Calls.Engine.Messages;

/// <summary>The answered call reached its time limit.</summary>
internal sealed record TimeLimitReached : CallMessage;
