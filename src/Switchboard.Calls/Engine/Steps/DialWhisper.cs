using Switchboard.Calls.Engine.Messages;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Sessions;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// Live whispers to the parties of a connected dial (jambonz's <c>whisper</c>), one prompt at a time, each to the
/// party it names. As in jambonz the dial unbridges while they play (neither party hears the other) and bridges again
/// when the last has played; prompts that arrive meanwhile join the queue. Lives on the dialling call's loop.
/// </summary>
internal sealed class DialWhisper(StepScope scope)
{
    private readonly Queue<(MediaSession Party, Verb Prompt)> _queue = new();
    private DialAudioPlayer? _player;

    public void Enqueue(MediaSession party, IReadOnlyList<Verb> prompts)
    {
        foreach (var prompt in prompts)
        {
            _queue.Enqueue((party, prompt));
        }
    }

    /// <summary>Renders the next prompt (its clip comes back as <see cref="DialAudioReady"/>); false when none is left.</summary>
    public bool Next()
    {
        if (!_queue.TryDequeue(out var next))
        {
            _player = null;
            return false;
        }

        _player = new DialAudioPlayer(scope, DialAudio.Whisper, next.Party);
        _player.Render(next.Prompt);
        return true;
    }

    /// <summary>Plays the rendered prompt; its end comes back as <see cref="DialAudioEnded"/>.</summary>
    public void Play(AudioClip clip) => _player?.Play(clip);

    /// <summary>Cuts the playing prompt short and forgets those queued (the dial is over).</summary>
    public void Stop()
    {
        _queue.Clear();
        _player?.Stop();
        _player = null;
    }
}
