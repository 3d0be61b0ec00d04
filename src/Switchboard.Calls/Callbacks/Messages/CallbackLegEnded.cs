using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>A leg has its final status.</summary>
internal sealed record CallbackLegEnded(CallbackLeg Leg, CallStatus Status, int? SipStatus) : CallMessage;
