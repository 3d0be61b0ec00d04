using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>The engine refused a leg (no route, no media port, no admission): it is failed without ringing.</summary>
internal sealed record CallbackLegNotPlaced(CallbackLeg Leg, string Reason) : CallMessage;
