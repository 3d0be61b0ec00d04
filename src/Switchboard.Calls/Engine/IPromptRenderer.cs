using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Engine;

/// <summary>Turns a prompt verb (<c>say</c>, <c>play</c>, or an <see cref="AnnounceVerb"/> of them) into the audio a step plays.</summary>
internal interface IPromptRenderer
{
    /// <exception cref="InvalidOperationException">The audio could not be fetched or decoded.</exception>
    Task<AudioClip> RenderAsync(Verb prompt, SpeechDefaults defaults, CancellationToken cancellationToken);
}
