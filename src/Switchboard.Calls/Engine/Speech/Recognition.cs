using Switchboard.Calls.Metrics;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Speech;

/// <summary>
/// One recognition as the engine runs it for a step or for answering-machine detection: the engine found by vendor
/// and label, the request made from the options, and a limit on how long an engine may take.
/// </summary>
internal static class Recognition
{
    /// <summary>The longest one utterance's recognition may take, whatever the engine's own limits.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <exception cref="SpeechRecognitionException">No engine, an engine that failed, or one that did not answer within <see cref="Timeout"/>.</exception>
    public static async Task<RecognitionResult> RunAsync(
        ISpeechRecognizers? recognizers, string accountSid, short[] utterance, RecognizerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            var engines = recognizers ?? throw new SpeechRecognitionException("this server has no speech recognizer");
            var engine = await engines.ResolveAsync(accountSid, options.Vendor, options.Label, linked.Token).ConfigureAwait(false);
            var request = new RecognitionRequest(options.Language ?? engines.DefaultLanguage)
            {
                Hints = options.Hints ?? [],
                HintsBoost = options.HintsBoost,
                AlternativeLanguages = options.AlternativeLanguages ?? [],
            };
            var result = await engine.RecognizeAsync(utterance, request, linked.Token).ConfigureAwait(false);
            CallMetrics.Recognized(VendorTag(options.Vendor), succeeded: true);
            return result;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            CallMetrics.Recognized(VendorTag(options.Vendor), succeeded: false);
            throw new SpeechRecognitionException($"the recognizer did not answer within {Timeout.TotalSeconds:0} s");
        }
        catch (SpeechRecognitionException)
        {
            CallMetrics.Recognized(VendorTag(options.Vendor), succeeded: false);
            throw;
        }
    }

    /// <summary>The vendor as a metric tag: one of the known names, so an application's typo cannot add series.</summary>
    private static string VendorTag(string? vendor) =>
        vendor is null ? RecognizerVendors.Default : RecognizerVendors.Normalize(vendor) ?? "other";
}
