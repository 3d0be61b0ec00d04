using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Speech;

namespace Switchboard.Calls.Engine;

/// <summary>Turns a prompt verb into the audio the call plays: <c>say</c> through the chosen TTS vendor, <c>play</c> from its URL.</summary>
internal sealed class PromptRenderer(SpeechSynthesizerRegistry speech, AudioFetcher audio) : IPromptRenderer
{
    /// <exception cref="InvalidOperationException">The audio could not be fetched or decoded.</exception>
    /// <exception cref="UnknownSpeechVendorException">The say verb names a vendor this server does not have.</exception>
    public async Task<AudioClip> RenderAsync(Verb prompt, SpeechDefaults defaults, CancellationToken cancellationToken)
    {
        switch (prompt)
        {
            case SayVerb say:
                var request = new SpeechRequest(
                    say.Text, say.Language ?? defaults.Language, say.Gender ?? defaults.Gender, say.Voice ?? defaults.Voice, say.Vendor ?? defaults.Vendor);
                return await speech.SynthesizeAsync(request, cancellationToken).ConfigureAwait(false);
            case PlayVerb play:
                var fetched = await audio.FetchAsync(play.Url.AbsoluteUri, cancellationToken).ConfigureAwait(false);
                return fetched.Clip ?? throw new InvalidOperationException($"{play.Url} could not be played: {fetched.Error} {fetched.Detail}");
            default:
                throw new NotSupportedException($"the {prompt.Name} verb is not a prompt");
        }
    }
}
