using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Media.Amd;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Reads jambonz's <c>amd</c> object: <c>actionHook</c>, <c>thresholdWordCount</c> and
/// <c>timers {noSpeechTimeoutMs, decisionTimeoutMs, toneTimeoutMs, greetingCompletionTimeoutMs}</c>, onto the
/// detector's options (unset values keep its defaults). <c>recognizer</c> and <c>digitCount</c> are accepted
/// and ignored: detection here listens to the cadence of the greeting, not to its words.
/// </summary>
public static class AmdRequestReader
{
    /// <exception cref="ValidationException">A field is missing, out of range, or the timers contradict each other.</exception>
    /// <param name="baseUrl">What a relative <c>actionHook</c> resolves against (a verb's application); none for a call's creation.</param>
    public static AmdRequest? Read(JsonElement body, string path, Uri? baseUrl = null)
    {
        if (JsonFields.OptionalObject(body, "amd", path) is not { } amd)
        {
            return null;
        }

        var hook = HookReader.Require(amd, "actionHook", path + ".actionHook", baseUrl);
        var options = AmdOptions.Default;
        if (JsonFields.OptionalWholeNumber(amd, "thresholdWordCount", path + ".thresholdWordCount", 1, 100) is { } words)
        {
            options = options with { ThresholdWordCount = words };
        }

        if (JsonFields.OptionalObject(amd, "timers", path + ".timers") is { } timers)
        {
            var timersPath = path + ".timers";
            options = options with
            {
                NoSpeechTimeout = Timer(timers, "noSpeechTimeoutMs", timersPath) ?? options.NoSpeechTimeout,
                DecisionTimeout = Timer(timers, "decisionTimeoutMs", timersPath) ?? options.DecisionTimeout,
                ToneTimeout = Timer(timers, "toneTimeoutMs", timersPath) ?? options.ToneTimeout,
                GreetingCompletionTimeout = Timer(timers, "greetingCompletionTimeoutMs", timersPath) ?? options.GreetingCompletionTimeout,
            };
        }

        if (options.NoSpeechTimeout > options.DecisionTimeout)
        {
            throw new ValidationException(path + ".timers.noSpeechTimeoutMs", "must not exceed decisionTimeoutMs");
        }

        // Anything the detector still refuses is reported on the object rather than crashing the call later.
        if (AmdOptionsValidator.Validate(options) is [var problem, ..])
        {
            throw new ValidationException(path, problem);
        }

        return new AmdRequest(hook, options);
    }

    private static TimeSpan? Timer(JsonElement timers, string name, string path)
    {
        var min = AnsweringMachineDetector.FrameDuration.TotalMilliseconds;
        var max = AmdOptionsValidator.MaxTimer.TotalMilliseconds;
        return JsonFields.OptionalNumber(timers, name, path + "." + name, min, max) is { } milliseconds
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;
    }
}
