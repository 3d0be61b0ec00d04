using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// Where a <c>transcribe</c> verb's transcripts go. A script source that can post them implements it beside
/// <see cref="IScriptSource"/>; a transcription under a source that cannot fails at once.
/// </summary>
public interface ITranscriptionHook
{
    /// <summary>Posts one final transcript; the answer is not waited on by the transcription that goes on.</summary>
    ValueTask OnTranscriptAsync(CallSnapshot call, TranscribeVerb transcribe, RecognitionResult transcript, CancellationToken cancellationToken);
}
