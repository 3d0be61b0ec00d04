using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;
using Switchboard.Media.Speech;

namespace Switchboard.Media.Tests.Speech;

public sealed class SpeechSynthesizerRegistryTests
{
    [Fact]
    public async Task ARequestNamingAVendor_GoesToThatVendor_CaseInsensitively()
    {
        var cloud = new SilentSynthesizer("acme-cloud", 800);
        var registry = new SpeechSynthesizerRegistry([new SilentSynthesizer("local", 160), cloud]);

        var clip = await registry.SynthesizeAsync(new SpeechRequest("hi", null, null, null, "ACME-Cloud"), CancellationToken.None);

        Assert.Equal(800, clip.Samples.Length);
        Assert.Same(cloud, registry.Get("acme-cloud"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("default")]
    public void NoVendor_MeansTheDefault(string? vendor)
    {
        var registry = new SpeechSynthesizerRegistry([new SilentSynthesizer("a", 1), new SilentSynthesizer("b", 2)], defaultVendor: "b");

        Assert.Equal("b", registry.Get(vendor).Vendor);
        Assert.Equal("b", registry.DefaultVendor);
    }

    [Fact]
    public async Task AnUnknownVendor_IsATypedError_ListingTheKnownOnes()
    {
        var registry = new SpeechSynthesizerRegistry([new SilentSynthesizer("espeak-ng", 1)]);

        var error = await Assert.ThrowsAsync<UnknownSpeechVendorException>(
            () => registry.SynthesizeAsync(new SpeechRequest("hi", null, null, null, "google"), CancellationToken.None).AsTask());

        Assert.Equal("google", error.Vendor);
        Assert.Equal(["espeak-ng"], error.Known);
        Assert.False(registry.TryGet("google", out _));
    }

    [Fact]
    public void DuplicateVendors_AndAnUnknownDefault_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new SpeechSynthesizerRegistry([new SilentSynthesizer("x", 1), new SilentSynthesizer("X", 1)]));
        Assert.Throws<UnknownSpeechVendorException>(() => new SpeechSynthesizerRegistry([new SilentSynthesizer("x", 1)], "y"));
        Assert.Throws<ArgumentException>(() => new SpeechSynthesizerRegistry([]));
    }

    [Fact]
    public void Espeak_RegistersUnderItsVendorName()
    {
        var espeak = new EspeakSpeechSynthesizer(new EspeakOptions(Path.GetTempPath()), NullLogger<EspeakSpeechSynthesizer>.Instance);

        var registry = new SpeechSynthesizerRegistry([espeak]);

        Assert.Same(espeak, registry.Get("espeak-ng"));
        Assert.Equal(["espeak-ng"], registry.Vendors);
    }

    /// <summary>A stand-in vendor that answers with silence of a fixed length.</summary>
    private sealed class SilentSynthesizer(string vendor, int samples) : ISpeechSynthesizer
    {
        public string Vendor => vendor;

        public ValueTask<AudioClip> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new AudioClip(new short[samples]));
    }
}
