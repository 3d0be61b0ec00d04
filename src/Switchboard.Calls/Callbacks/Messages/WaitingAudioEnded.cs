using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>One round of hold audio ended (played out, or stopped by the bridge or the end).</summary>
internal sealed record WaitingAudioEnded(CallbackLeg Leg) : CallMessage;
