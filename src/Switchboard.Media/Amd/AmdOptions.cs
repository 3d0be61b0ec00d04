namespace Switchboard.Media.Amd;

/// <summary>
/// Per-call settings of <see cref="AnsweringMachineDetector"/>. The four timers and the word count carry
/// jambonz's <c>amd</c> names and defaults (<c>timers.noSpeechTimeoutMs</c> and so on); the cadence settings
/// are those of Asterisk's app_amd (<c>amd.conf</c>), with its defaults. Check with <see cref="AmdOptionsValidator"/>.
/// </summary>
public sealed record AmdOptions
{
    /// <summary>The defaults.</summary>
    public static AmdOptions Default { get; } = new();

    /// <summary>With no sound at all for this long, report no speech (jambonz <c>timers.noSpeechTimeoutMs</c>, 5000).</summary>
    public TimeSpan NoSpeechTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Without a human or machine decision by this time, report a decision timeout (jambonz
    /// <c>timers.decisionTimeoutMs</c>, 15000; Asterisk's <c>total_analysis_time</c> is 5000).
    /// </summary>
    public TimeSpan DecisionTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Listen for the beep until this time after the start (jambonz <c>timers.toneTimeoutMs</c>, 20000).</summary>
    public TimeSpan ToneTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Silence that ends a machine's greeting (jambonz <c>timers.greetingCompletionTimeoutMs</c>, 2000): long
    /// enough to span the pauses between its sentences.
    /// </summary>
    public TimeSpan GreetingCompletionTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Words in the greeting that make it a machine. jambonz's <c>thresholdWordCount</c> (default 9) counts
    /// recognised words; here a word is a burst of speech between pauses of at least
    /// <see cref="BetweenWordsSilence"/>, and fluent speech runs several words into one burst, so the default is
    /// lower: 4 (Asterisk's <c>maximum_number_of_words</c> is 2 or 3 by version, which calls "Hello, John here" a machine).
    /// </summary>
    public int ThresholdWordCount { get; init; } = 4;

    /// <summary>Speech in the greeting beyond which it is a machine (Asterisk <c>greeting</c>, 1500 ms).</summary>
    public TimeSpan MaxGreeting { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>Silence after a short greeting that makes it a human (Asterisk <c>after_greeting_silence</c>, 800 ms).</summary>
    public TimeSpan AfterGreetingSilence { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>The shortest burst of sound counted as a word (Asterisk <c>min_word_length</c>, 100 ms).</summary>
    public TimeSpan MinWordLength { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The shortest pause that ends a word; shorter gaps are inside one (Asterisk <c>between_words_silence</c>, 50 ms).</summary>
    public TimeSpan BetweenWordsSilence { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Frames quieter than this (RMS, dB relative to full scale) are silence whatever the noise floor. Asterisk's
    /// <c>silence_threshold</c> of 256 (mean absolute amplitude of 32767) is about −42 dBFS; a little lower
    /// hears quiet lines.
    /// </summary>
    public double SilenceThresholdDbfs { get; init; } = -45;

    /// <summary>How far above the adaptive noise floor a frame must be to count as sound, in dB.</summary>
    public double SpeechAboveNoiseDb { get; init; } = 9;

    /// <summary>The lowest beep frequency listened for, in Hz.</summary>
    public double MinToneFrequency { get; init; } = 400;

    /// <summary>The highest beep frequency listened for, in Hz.</summary>
    public double MaxToneFrequency { get; init; } = 2000;

    /// <summary>The shortest steady tone taken as the beep (to the 20 ms frame).</summary>
    public TimeSpan MinToneDuration { get; init; } = TimeSpan.FromMilliseconds(150);
}
