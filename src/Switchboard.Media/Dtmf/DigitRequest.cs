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

    /// <summary>
    /// Checks the keys and timing of a <see cref="Sessions.MediaSession.SendDigitsAsync(string, DigitSendOptions, CancellationToken)"/>
    /// and converts the durations to samples, rounded up to whole 20 ms frames (the clock's unit).
    /// </summary>
    public static DigitRequest Create(string digits, DigitSendOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        foreach (var key in digits)
        {
            if (!DtmfKeys.TryGetEventCode(key, out _) && char.ToLowerInvariant(key) != DtmfKeys.Pause)
            {
                throw new ArgumentException($"'{key}' is not a DTMF key (0-9 * # A-D, or w to wait).", nameof(digits));
            }
        }

        return new DigitRequest(digits, FrameSamples(options.ToneDuration), FrameSamples(options.Gap));
    }

    public string Digits { get; }

    public int ToneSamples { get; }

    public int GapSamples { get; }

    public Task Task => _completion.Task;

    /// <summary>Sent, cancelled or abandoned: no new key of it may start.</summary>
    public bool IsDone => _completion.Task.IsCompleted;

    private static int FrameSamples(TimeSpan duration) => (int)Math.Ceiling(duration.TotalMilliseconds / 20) * 160;

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
