using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>Synthesis finished: <paramref name="Clip"/> on success, <paramref name="Error"/> otherwise.</summary>
internal sealed record SpeechReady(int Generation, AudioClip? Clip, string? Error) : VerbStepMessage(Generation);
