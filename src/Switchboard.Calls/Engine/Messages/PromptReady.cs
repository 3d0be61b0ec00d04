using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>A prompt's audio is ready (synthesized or fetched): <paramref name="Clip"/> on success, <paramref name="Error"/> otherwise.</summary>
internal sealed record PromptReady(int Generation, AudioClip? Clip, string? Error) : VerbStepMessage(Generation);
