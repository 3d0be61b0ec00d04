using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>The engine accepted a leg placed after the session started; its INVITE is on its way.</summary>
internal sealed record CallbackLegPlaced(CallbackLeg Leg, IDialLeg Call) : CallMessage;
