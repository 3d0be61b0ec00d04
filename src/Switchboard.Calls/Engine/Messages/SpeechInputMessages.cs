using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>The caller started speaking (the moment for barge-in).</summary>
internal sealed record SpeechStarted(int Generation) : VerbStepMessage(Generation);

/// <summary>An utterance ended (the caller paused, or was cut at the longest utterance): its audio, to recognise.</summary>
internal sealed record UtteranceHeard(int Generation, short[] Audio, bool Cut) : VerbStepMessage(Generation);

/// <summary>The utterance under way so far, for an interim result.</summary>
internal sealed record UtteranceGrowing(int Generation, short[] Audio) : VerbStepMessage(Generation);

/// <summary>The engine recognised the words so far of an utterance not yet over.</summary>
internal sealed record InterimRecognized(int Generation, RecognitionResult Result) : VerbStepMessage(Generation);

/// <summary>The engine recognised an utterance.</summary>
internal sealed record SpeechRecognized(int Generation, RecognitionResult Result) : VerbStepMessage(Generation);

/// <summary>The engine could not recognise an utterance: <paramref name="Error"/> says why.</summary>
internal sealed record SpeechFailed(int Generation, string Error) : VerbStepMessage(Generation);
