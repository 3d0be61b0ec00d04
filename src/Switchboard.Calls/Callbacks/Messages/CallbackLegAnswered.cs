using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>A leg answered; its media is ready to hear prompts or be bridged.</summary>
internal sealed record CallbackLegAnswered(CallbackLeg Leg, IDialLeg Call) : CallMessage;
