using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>The message for a waiting leg whose other party failed; null when it could not be synthesized.</summary>
internal sealed record FarewellReady(CallbackLeg Leg, AudioClip? Clip) : CallMessage;
