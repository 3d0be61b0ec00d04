using System.Threading.Channels;
using Switchboard.Calls.Callbacks.Messages;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Callbacks;

/// <summary>
/// What a session says to a leg on its own: the announcement and ringback (or hold audio) while the other leg
/// rings, and the short message before it is hung up when the other cannot be connected. Audio is made off
/// the loop (<see cref="CallWork.Run"/>) and every outcome comes back to the loop as a message.
/// </summary>
internal sealed class CallbackPrompts(
    string sessionSid,
    CallbackSessionRequest request,
    CallbackServices services,
    CallWork work,
    ChannelWriter<CallMessage> inbox)
{
    /// <summary>Makes the waiting leg's audio; <see cref="WaitingAudioReady"/> follows, with ringback whatever fails.</summary>
    public void PrepareWaiting(CallbackLeg leg)
    {
        var announcement = request.Announcement;
        var hold = request.HoldAudio;
        work.Run(
            async cancellationToken =>
            {
                var said = announcement is null ? null : await RenderOrNullAsync(announcement, cancellationToken).ConfigureAwait(false);
                var held = hold is null ? null : await RenderOrNullAsync(new PlayVerb(hold, 1, BargeIn: false), cancellationToken).ConfigureAwait(false);
                return new WaitingAudioReady(leg, said, held ?? RingbackTone.Clip);
            },
            _ => new WaitingAudioReady(leg, null, RingbackTone.Clip));
    }

    /// <summary>The announcement, then one round of hold audio (<see cref="PlayHold"/> repeats it).</summary>
    public void PlayWaiting(CallbackLegSlot slot, WaitingAudioReady ready)
    {
        slot.HoldClip = ready.Hold;
        if (ready.Announcement is { } announcement && LiveMedia(slot) is { } media)
        {
            Observe(media.PlayAsync(announcement, CancellationToken.None));
        }

        PlayHold(slot);
    }

    /// <summary>One more round of hold audio; <see cref="WaitingAudioEnded"/> follows however it ends.</summary>
    public void PlayHold(CallbackLegSlot slot)
    {
        if (slot.HoldClip is not { } hold || LiveMedia(slot) is not { } media)
        {
            return;
        }

        var leg = slot.Leg;
        PostWhenDone(Play(media, hold), new WaitingAudioEnded(leg));
    }

    /// <summary>Stops what the leg hears (the waiting audio), so what comes next is heard at once.</summary>
    public static void Silence(CallbackLegSlot slot)
    {
        slot.Waiting = false;
        try
        {
            LiveMedia(slot)?.StopPlayback();
        }
        catch (ObjectDisposedException)
        {
            // The leg's media closed meanwhile: there is nothing left to stop.
        }
    }

    /// <summary>Synthesizes the message for <paramref name="otherLegStatus"/>; <see cref="FarewellReady"/> follows.</summary>
    public void PrepareFarewell(CallbackLeg leg, CallStatus otherLegStatus)
    {
        var text = new SayVerb(FarewellText.For(otherLegStatus), null, null, null, BargeIn: false);
        work.Run(
            async cancellationToken => new FarewellReady(leg, await RenderOrNullAsync(text, cancellationToken).ConfigureAwait(false)),
            _ => new FarewellReady(leg, null));
    }

    /// <summary>Plays the message; <see cref="FarewellPlayed"/> follows, at once when there is nothing to play.</summary>
    public void PlayFarewell(CallbackLegSlot slot, AudioClip? clip)
    {
        if (clip is null || LiveMedia(slot) is not { } media)
        {
            inbox.TryWrite(new FarewellPlayed(slot.Leg));
            return;
        }

        PostWhenDone(Play(media, clip), new FarewellPlayed(slot.Leg));
    }

    private static MediaSession? LiveMedia(CallbackLegSlot slot) =>
        slot.IsUp && slot.Call!.Media is { IsClosed: false } media ? media : null;

    private static Task Play(MediaSession media, AudioClip clip)
    {
        try
        {
            return media.PlayAsync(clip, CancellationToken.None);
        }
        catch (ObjectDisposedException closed)
        {
            return Task.FromException(closed);
        }
    }

    private void PostWhenDone(Task playing, CallMessage message) => work.Watch(playing, _ => message);

    private void Observe(Task playing) => work.Watch(playing, static _ => null);

    private async Task<AudioClip?> RenderOrNullAsync(Verb prompt, CancellationToken cancellationToken)
    {
        try
        {
            return await services.Prompts.RenderAsync(prompt, request.Speech, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A prompt that cannot be made must not keep the parties apart: ringback or silence stands in.
            Log.PromptFailed(services.Logger, sessionSid, exception.Message);
            return null;
        }
    }
}
