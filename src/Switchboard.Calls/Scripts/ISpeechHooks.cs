using Switchboard.Calls.Engine;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where transcripts go that no verb waits on: a <c>transcribe</c> verb's, and a gather's interim results. A script
/// source that can post them implements it beside <see cref="IScriptSource"/>; a transcription under a source that
/// cannot fails at once, and such a gather posts no interim results.
/// </summary>
public interface ISpeechHooks
{
    /// <summary>Posts one transcript to <paramref name="hook"/> (a URL the verb named); its answer is not read.</summary>
    /// <param name="isFinal">False for an interim result: the words so far of an utterance not yet over.</param>
    ValueTask OnTranscriptAsync(CallSnapshot call, string hook, RecognitionResult transcript, bool isFinal, CancellationToken cancellationToken);
}
