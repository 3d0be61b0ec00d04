using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>The waiting leg heard why the session failed (or gave up waiting to hear it): hang it up.</summary>
internal sealed record FarewellPlayed(CallbackLeg Leg) : CallMessage;
