using Switchboard.Media.Audio;

namespace Switchboard.Media.Sessions;

/// <summary>One queued <see cref="MediaSession.PlayAsync"/>: the clip, how far it has been sent, and its task.</summary>
internal sealed class PlayRequest
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;

    public PlayRequest(AudioClip clip, long generation)
    {
        Clip = clip;
        Generation = generation;
    }

    public AudioClip Clip { get; }

    /// <summary>The session's stop generation when queued; a later <see cref="MediaSession.StopPlayback"/> supersedes it.</summary>
    public long Generation { get; }

    /// <summary>Samples already sent; touched only by the clock thread.</summary>
    public int Position { get; set; }

    public Task Task => _completion.Task;

    /// <summary>Completed (sent, cancelled or stopped): the clock must not send any more of it.</summary>
    public bool IsDone => _completion.Task.IsCompleted;

    public bool IsFinished => Position >= Clip.Samples.Length;

    public void Watch(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(
                static (state, token) => ((PlayRequest)state!).Cancel(token), this);
        }
    }

    public void Complete()
    {
        _registration.Unregister();
        _completion.TrySetResult();
    }

    public void Cancel(CancellationToken cancellationToken = default)
    {
        _registration.Unregister();
        _completion.TrySetCanceled(cancellationToken);
    }
}
