namespace Switchboard.Media.Amd;

/// <summary>Checks <see cref="AmdOptions"/>; each problem names the property, so an API can report the field.</summary>
public static class AmdOptionsValidator
{
    /// <summary>Longest any timer may be: AMD listens to the first seconds of a call, not to all of it.</summary>
    public static readonly TimeSpan MaxTimer = TimeSpan.FromMinutes(2);

    /// <summary>The problems with <paramref name="options"/>; empty when they are usable.</summary>
    public static IReadOnlyList<string> Validate(AmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Timer(problems, nameof(AmdOptions.NoSpeechTimeout), options.NoSpeechTimeout);
        Timer(problems, nameof(AmdOptions.DecisionTimeout), options.DecisionTimeout);
        Timer(problems, nameof(AmdOptions.ToneTimeout), options.ToneTimeout);
        Timer(problems, nameof(AmdOptions.GreetingCompletionTimeout), options.GreetingCompletionTimeout);
        Timer(problems, nameof(AmdOptions.MaxGreeting), options.MaxGreeting);
        Timer(problems, nameof(AmdOptions.AfterGreetingSilence), options.AfterGreetingSilence);
        Timer(problems, nameof(AmdOptions.MinWordLength), options.MinWordLength);
        Timer(problems, nameof(AmdOptions.BetweenWordsSilence), options.BetweenWordsSilence);
        Timer(problems, nameof(AmdOptions.MinToneDuration), options.MinToneDuration);
        if (options.NoSpeechTimeout > options.DecisionTimeout)
        {
            problems.Add($"{nameof(AmdOptions.NoSpeechTimeout)} must not exceed {nameof(AmdOptions.DecisionTimeout)}.");
        }

        if (options.ThresholdWordCount is < 1 or > 100)
        {
            problems.Add($"{nameof(AmdOptions.ThresholdWordCount)} must be between 1 and 100.");
        }

        if (options.SilenceThresholdDbfs is < -90 or > 0 || double.IsNaN(options.SilenceThresholdDbfs))
        {
            problems.Add($"{nameof(AmdOptions.SilenceThresholdDbfs)} must be between -90 and 0 dBFS.");
        }

        if (options.SpeechAboveNoiseDb is < 0 or > 40 || double.IsNaN(options.SpeechAboveNoiseDb))
        {
            problems.Add($"{nameof(AmdOptions.SpeechAboveNoiseDb)} must be between 0 and 40 dB.");
        }

        // Zero-crossing counting needs a few cycles per 20 ms frame, and 8 kHz audio holds nothing above 4 kHz.
        if (options.MinToneFrequency < 200 || options.MaxToneFrequency > 3600 || !(options.MinToneFrequency < options.MaxToneFrequency))
        {
            problems.Add($"{nameof(AmdOptions.MinToneFrequency)} and {nameof(AmdOptions.MaxToneFrequency)} must satisfy 200 <= min < max <= 3600 Hz.");
        }

        return problems;
    }

    private static void Timer(List<string> problems, string name, TimeSpan value)
    {
        if (value < AnsweringMachineDetector.FrameDuration || value > MaxTimer)
        {
            problems.Add($"{name} must be between {AnsweringMachineDetector.FrameDuration.TotalMilliseconds} ms and {MaxTimer.TotalSeconds} s.");
        }
    }
}
