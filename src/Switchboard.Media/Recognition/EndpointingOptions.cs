namespace Switchboard.Media.Recognition;

/// <summary>
/// When a caller's utterance starts and ends, decided by Switchboard itself from the received audio, whatever
/// engine then recognises it (so every engine answers after the same silence, and a cloud engine is sent only
/// the utterance).
/// </summary>
public sealed record EndpointingOptions
{
    public static EndpointingOptions Default { get; } = new();

    /// <summary>No speech at all this long after listening began ends it as <see cref="SpeechEndpoint.NoSpeech"/>.</summary>
    public TimeSpan NoSpeechTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Silence this long after speech ends the utterance (<see cref="SpeechEndpoint.UtteranceEnded"/>).</summary>
    public TimeSpan MaxSilence { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>A caller who keeps talking is cut here (<see cref="SpeechEndpoint.MaxLength"/>).</summary>
    public TimeSpan MaxUtterance { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Sound this long, some of it voiced, starts an utterance: a click, a cough or a breath is shorter.</summary>
    public TimeSpan SpeechOnset { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>True: listening ends with the first utterance. False: it goes on to the next until stopped.</summary>
    public bool SingleUtterance { get; init; } = true;
}
