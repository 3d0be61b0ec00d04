using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Speech;

namespace Switchboard.Calls.Engine;

/// <summary>Turns a prompt verb (say or play) into the audio the call plays.</summary>
internal sealed class PromptRenderer(ISpeechSynthesizer speech)
{
    public async Task<AudioClip> RenderAsync(Verb prompt, SpeechDefaults defaults, CancellationToken cancellationToken) => prompt switch
    {
        SayVerb say => await speech.SynthesizeAsync(
            new SpeechRequest(say.Text, say.Language ?? defaults.Language, say.Gender ?? defaults.Gender, say.Voice ?? defaults.Voice),
            cancellationToken).ConfigureAwait(false),
        _ => throw new NotSupportedException($"the {prompt.Name} verb cannot be played yet"),
    };
}
