using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Speech;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Turns a prompt verb into the audio the call plays: <c>say</c> through the chosen TTS vendor, <c>play</c> from its
/// URL, an <see cref="AnnounceVerb"/> as its parts rendered side by side and joined in order into one clip.
/// </summary>
internal sealed class PromptRenderer(SpeechSynthesizerRegistry speech, AudioFetcher audio) : IPromptRenderer
{
    /// <exception cref="InvalidOperationException">The audio could not be fetched or decoded, or a part of an announce failed.</exception>
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
            case AnnounceVerb announce:
                return await RenderSequenceAsync(announce.Prompts, defaults, cancellationToken).ConfigureAwait(false);
            default:
                throw new NotSupportedException($"the {prompt.Name} verb is not a prompt");
        }
    }

    /// <summary>
    /// Renders every part at once (a fetch need not wait for a synthesis) and joins them in order. The first part
    /// that fails, by its place in the sequence, fails the whole, named by its index so the application learns
    /// which audio was bad; the other parts are abandoned.
    /// </summary>
    private async Task<AudioClip> RenderSequenceAsync(IReadOnlyList<Verb> parts, SpeechDefaults defaults, CancellationToken cancellationToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rendering = new Task<AudioClip>[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            rendering[i] = RenderPartAsync(parts[i], i, parts.Count, defaults, abandon, cancellationToken);
        }

        var clips = await Task.WhenAll(rendering).ConfigureAwait(false);
        return Join(clips);
    }

    private async Task<AudioClip> RenderPartAsync(
        Verb part, int index, int count, SpeechDefaults defaults, CancellationTokenSource abandon, CancellationToken cancellationToken)
    {
        try
        {
            return await RenderAsync(part, defaults, abandon.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A part that ended because another one failed is abandoned, not the culprit.
            abandon.Token.ThrowIfCancellationRequested();
            await abandon.CancelAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"prompt {index + 1} of {count}: {exception.Message}", exception);
        }
    }

    private static AudioClip Join(AudioClip[] clips)
    {
        if (clips.Length == 1)
        {
            return clips[0];
        }

        var samples = new short[clips.Sum(clip => clip.Samples.Length)];
        var at = 0;
        foreach (var clip in clips)
        {
            clip.Samples.Span.CopyTo(samples.AsSpan(at));
            at += clip.Samples.Length;
        }

        return new AudioClip(samples);
    }
}
