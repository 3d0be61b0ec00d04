using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Recognises the greeting a human or machine decision was made on, so its post carries the words (jambonz's
/// <c>greeting</c>, <c>language</c>, and a voicemail <c>hint</c> that makes a machine's <c>reason</c> "hint"). A
/// recognizer that fails or does not answer costs the words, not the decision: the decision is posted without them
/// and an <c>amd_error</c> report follows it.
/// </summary>
internal sealed class AmdGreeting(ISpeechRecognizers? recognizers, string accountSid, RecognizerOptions options, TimeProvider time)
{
    /// <summary>The most greeting kept for recognition (8 kHz samples): a decision comes well before this.</summary>
    public const int MaxSamples = 8000 * 15;

    /// <summary>The reports for <paramref name="decision"/>, made on <paramref name="greeting"/>'s audio. Never throws.</summary>
    public async Task<AmdReport[]> ReportAsync(AmdEvent decision, short[] greeting)
    {
        try
        {
            var heard = await Recognition.RunAsync(recognizers, accountSid, greeting, options, time, CancellationToken.None).ConfigureAwait(false);
            var hint = decision.Kind == AmdEventKind.MachineDetected ? VoicemailHints.Find(heard.Transcript, heard.Language) : null;
            return [AmdReport.Of(decision) with { Greeting = heard, Hint = hint }];
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var error = exception is SpeechRecognitionException ? exception.Message : $"the recognizer failed: {exception.Message}";
            return [AmdReport.Of(decision), AmdReport.Failed(error)];
        }
    }
}
