namespace Switchboard.Calls.Engine.Messages;

/// <summary>The detector will report nothing more: stop feeding it.</summary>
internal sealed record AmdCompleted : AmdMessage;
