using Switchboard.Calls.Engine.Messages;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>What a leg that answered first hears while it waits: the announcement (if any), then <paramref name="Hold"/> in a loop.</summary>
internal sealed record WaitingAudioReady(CallbackLeg Leg, AudioClip? Announcement, AudioClip Hold) : CallMessage;
