using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine.Messages;

// What a dial's own audio and recordings bring back to the dialling call's loop, kept together so the dial's
// vocabulary reads on one screen (the legs' answers and ends are DialLegAnswered and DialLegEnded).

/// <summary>Which of a dial's prompts a message is about.</summary>
internal enum DialAudio
{
    /// <summary>The hold prompt the caller hears while the targets ring.</summary>
    Hold,

    /// <summary>The greeting the answering target hears before it is connected.</summary>
    Greeting,

    /// <summary>A live whisper one party hears while the two are unbridged.</summary>
    Whisper,
}

/// <summary>A dial's prompt is rendered: <paramref name="Clip"/> on success, <paramref name="Error"/> otherwise.</summary>
internal sealed record DialAudioReady(int Generation, DialAudio Audio, AudioClip? Clip, string? Error) : VerbStepMessage(Generation);

/// <summary>One play of a dial's prompt ended; <paramref name="Completed"/>: it played to its end (not stopped, not on a closed session).</summary>
internal sealed record DialAudioEnded(int Generation, DialAudio Audio, bool Completed) : VerbStepMessage(Generation);

/// <summary>The dial's leg's peer pressed <paramref name="Key"/>; <paramref name="LegCall"/> is the leg then.</summary>
internal sealed record DialLegKey(int Generation, IDialLeg Leg, CallSnapshot LegCall, char Key) : VerbStepMessage(Generation);

/// <summary>A dialled leg's answering-machine hook answered with <paramref name="Verbs"/>, which replace the dialling call's.</summary>
internal sealed record DialAmdAnswered(int Generation, IReadOnlyList<Verb> Verbs) : VerbStepMessage(Generation);

/// <summary>A dial's party recordings are closed and stored: <paramref name="Sids"/> of the stored ones, the caller's first.</summary>
internal sealed record DialRecordingsStored(VerbStep Step, IReadOnlyList<string> Sids) : StepWorkMessage(Step);
