using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Hooks;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Reads jambonz's <c>amd</c> object: <c>actionHook</c>, <c>thresholdWordCount</c> and
/// <c>timers {noSpeechTimeoutMs, decisionTimeoutMs, toneTimeoutMs, greetingCompletionTimeoutMs}</c>, onto the
/// detector's options (unset values keep its defaults), and <c>recognizer</c>: with one, the greeting a decision was
/// made on is recognised and its words reported. <c>digitCount</c> is accepted and ignored: detection listens to the
/// cadence of the greeting, not to its words.
/// </summary>
public static class AmdRequestReader
{
    /// <param name="baseUrl">What a relative <c>actionHook</c> resolves against (a <c>config.amd</c>'s application); none for the REST body.</param>
    /// <param name="unavailable">Told of a recognizer vendor this server lacks (a running call's verbs, which show the warning).</param>
    /// <exception cref="ValidationException">A field is missing, out of range, or the timers contradict each other.</exception>
    /// <param name="baseUrl">What a relative <c>actionHook</c> resolves against (a verb's application); none for a call's creation.</param>
    public static AmdRequest? Read(JsonElement body, string path, Uri? baseUrl = null, Action<SkippedVerb>? unavailable = null)
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

        // A vendor this server lacks (jambonz apps often name google) costs the greeting's words, not the detection,
        // which goes by cadence as it does without a recognizer.
        var vendorMissing = false;
        var recognizer = RecognizerReader.Read(amd, path, _ => vendorMissing = true);
        if (vendorMissing)
        {
            unavailable?.Invoke(new SkippedVerb(
                "amd.recognizer.vendor", "no engine for this vendor here; the greeting is not recognised, detection goes by its cadence"));
        }

        return new AmdRequest(hook, options) { Recognizer = vendorMissing ? null : recognizer };
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
