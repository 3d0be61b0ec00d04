namespace Switchboard.Calls.Engine.Messages;

/// <summary>Live control: stop ringing and end the call as <c>no-answer</c> (ignored once answered).</summary>
internal sealed record NoAnswerRequested : CallMessage;
