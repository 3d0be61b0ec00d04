using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Audio;
using Switchboard.Media.Speech;

namespace Switchboard.Calls.Tests.Engine;

public sealed class PromptRendererTests
{
    [Fact]
    public async Task AnAnnounce_IsItsPartsJoinedInOrder_InOneClip()
    {
        // The first part takes longest to synthesize: the order is the sequence's, not the order of completion.
        var renderer = Renderer(new TextSynthesizer { SlowText = "one" });
        var announce = new AnnounceVerb([Say("one"), Say("two"), Say("three")]);

        var clip = await renderer.RenderAsync(announce, SpeechDefaults.None, CancellationToken.None);

        Assert.Equal(TextSynthesizer.Samples("one").Concat(TextSynthesizer.Samples("two")).Concat(TextSynthesizer.Samples("three")), clip.Samples.ToArray());
    }

    [Fact]
    public async Task APartThatFails_FailsTheWhole_NamingItsPlace()
    {
        var renderer = Renderer(new TextSynthesizer { FailingText = "two" });
        var announce = new AnnounceVerb([Say("one"), Say("two"), Say("three")]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderAsync(announce, SpeechDefaults.None, CancellationToken.None));

        Assert.StartsWith("prompt 2 of 3: ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("cannot say two", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAudioPartThatCannotBeFetched_FailsTheWhole_NamingItsPlace()
    {
        var renderer = Renderer(new TextSynthesizer());
        // Port 9 (discard) on loopback refuses the connection at once.
        var announce = new AnnounceVerb([Say("one"), new PlayVerb(new Uri("http://127.0.0.1:9/missing.wav"), 1, false)]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => renderer.RenderAsync(announce, SpeechDefaults.None, CancellationToken.None));

        Assert.StartsWith("prompt 2 of 2: ", failure.Message, StringComparison.Ordinal);
    }

    private static SayVerb Say(string text) => new(text, null, null, null, false);

    private static PromptRenderer Renderer(TextSynthesizer synthesizer) => new(
        new SpeechSynthesizerRegistry([synthesizer]),
        new AudioFetcher(new HttpClient(), new AudioFetcherOptions(), TimeProvider.System, NullLogger<AudioFetcher>.Instance));

    /// <summary>"Says" a text as one sample per character, each the character's code, so a joined clip shows its parts' order.</summary>
    private sealed class TextSynthesizer : ISpeechSynthesizer
    {
        public string Vendor => "text";

        public string? SlowText { get; init; }

        public string? FailingText { get; init; }

        public static short[] Samples(string text) => [.. text.Select(character => (short)character)];

        public async ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
        {
            if (request.Text == SlowText)
            {
                await Task.Delay(100, cancellationToken);
            }

            return request.Text == FailingText
                ? throw new SpeechSynthesisException("cannot say " + request.Text)
                : new AudioClip(Samples(request.Text));
        }
    }
}
