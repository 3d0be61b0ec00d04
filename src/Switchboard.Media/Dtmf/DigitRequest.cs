namespace Switchboard.Media.Dtmf;

/// <summary>One queued <see cref="Sessions.MediaSession.SendDigitsAsync(string, CancellationToken)"/>: the keys, their timing in samples, and its task.</summary>
internal sealed class DigitRequest
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration _registration;

    public DigitRequest(string digits, int toneSamples, int gapSamples)
    {
        Digits = digits;
        ToneSamples = toneSamples;
        GapSamples = gapSamples;
    }

    public string Digits { get; }

    public int ToneSamples { get; }

    public int GapSamples { get; }

    public Task Task => _completion.Task;

    /// <summary>Sent, cancelled or abandoned: no new key of it may start.</summary>
    public bool IsDone => _completion.Task.IsCompleted;

    public void Watch(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(
                static (state, token) => ((DigitRequest)state!).Cancel(token), this);
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
