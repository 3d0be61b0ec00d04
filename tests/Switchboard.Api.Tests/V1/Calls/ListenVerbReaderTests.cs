using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

public sealed class ListenVerbReaderTests
{
    private readonly Dictionary<string, WebhookTarget> _hooks = [];

    private IReadOnlyList<Verb> Read(string application) =>
        new JambonzVerbReader(new Uri("https://app.example.com/call"), _hooks).ReadAll(JsonDocument.Parse(application).RootElement, "$");

    [Fact]
    public void Listen_TakesEveryJambonzOption()
    {
        var verbs = Read("""
            [{"verb":"listen","url":"wss://agent.example.com/s","actionHook":"/listened","wsAuth":{"username":"u","password":"p"},
              "mixType":"stereo","sampleRate":16000,"timeout":5,"maxLength":60,"finishOnKey":"#","passDtmf":true,"playBeep":true,
              "metadata":{"customer":"42"},"bidirectionalAudio":{"enabled":true,"streaming":true,"sampleRate":24000}}]
            """);

        var listen = Assert.IsType<ListenVerb>(Assert.Single(verbs));
        Assert.Equal(new Uri("wss://agent.example.com/s"), listen.Url);
        Assert.Equal("https://app.example.com/listened", listen.ActionHook);
        Assert.Equal(new ListenCredentials("u", "p"), listen.Credentials);
        Assert.Equal(ListenMixType.Stereo, listen.MixType);
        Assert.Equal(16000, listen.SampleRate);
        Assert.Equal(TimeSpan.FromSeconds(5), listen.SilenceTimeout);
        Assert.Equal(TimeSpan.FromSeconds(60), listen.MaxLength);
        Assert.Equal("#", listen.FinishOnKeys);
        Assert.True(listen.PassDtmf);
        Assert.True(listen.PlayBeep);
        Assert.Equal("42", listen.Metadata!.Value.GetProperty("customer").GetString());
        Assert.True(listen.Bidirectional);
        Assert.True(listen.Streaming);
        Assert.Equal(24000, listen.ReturnSampleRate);
        Assert.Equal(StreamWireFormat.Jambonz, listen.WireFormat);
        Assert.True(_hooks.ContainsKey("https://app.example.com/listened"));
    }

    [Fact]
    public void Listen_WithOnlyAUrl_HasJambonzDefaults()
    {
        var listen = Assert.IsType<ListenVerb>(Assert.Single(Read("""[{"verb":"listen","url":"ws://127.0.0.1:9000"}]""")));

        Assert.Null(listen.ActionHook);
        Assert.Equal(ListenMixType.Mono, listen.MixType);
        Assert.Equal(8000, listen.SampleRate);
        Assert.Null(listen.SilenceTimeout);
        Assert.Null(listen.MaxLength);
        Assert.True(listen.Bidirectional);
        Assert.False(listen.Streaming);
        Assert.Null(listen.ReturnSampleRate);
    }

    [Fact]
    public void Stream_IsAnAliasOfListen_InEitherForm()
    {
        var verbs = Read("""[{"verb":"stream","url":"wss://a.example"},{"stream":{"url":"wss://b.example","wireFormat":"twilio"}}]""");

        Assert.Equal(new Uri("wss://a.example"), Assert.IsType<ListenVerb>(verbs[0]).Url);
        Assert.Equal(StreamWireFormat.Twilio, Assert.IsType<ListenVerb>(verbs[1]).WireFormat);
    }

    [Fact]
    public void DisableBidirectionalAudio_TurnsTheAgentsAudioOff()
    {
        var listen = Assert.IsType<ListenVerb>(Assert.Single(Read("""[{"verb":"listen","url":"wss://a.example","disableBidirectionalAudio":true}]""")));

        Assert.False(listen.Bidirectional);
    }

    [Fact]
    public void ANestedTranscribe_IsNamedAsSkipped_AndTheStreamStillRuns()
    {
        var verbs = Read("""[{"verb":"listen","url":"wss://a.example","transcribe":{"transcriptionHook":"/t"}}]""");

        Assert.Equal("listen.transcribe", Assert.IsType<SkippedVerb>(verbs[0]).Subject);
        Assert.IsType<ListenVerb>(verbs[1]);
    }

    [Fact]
    public void ConfigListen_StartsABackgroundStream_OrStopsIt()
    {
        var verbs = Read("""
            [{"verb":"config","listen":{"enable":true,"url":"wss://a.example","actionHook":"/bg","passDtmf":true}},
             {"verb":"config","listen":{"enable":false}},
             {"verb":"config","listen":{"url":"wss://ignored.example"}}]
            """);

        var started = Assert.IsType<ConfigVerb>(verbs[0]).Listen!.Listen!;
        Assert.Equal(new Uri("wss://a.example"), started.Url);
        Assert.Equal("https://app.example.com/bg", started.ActionHook);
        Assert.True(started.PassDtmf);
        Assert.True(Assert.IsType<ConfigVerb>(verbs[0]).StartsListening);
        Assert.Null(Assert.IsType<ConfigVerb>(verbs[1]).Listen!.Listen);
        Assert.Null(Assert.IsType<ConfigVerb>(verbs[2]).Listen);
    }

    [Fact]
    public void ConfigListen_WithABadOption_IsRefusedByItsPath()
    {
        var error = Assert.Throws<ValidationException>(() => Read("""[{"verb":"config","listen":{"enable":true,"url":"http://a.example"}}]"""));

        Assert.Equal("$[0].listen.url", error.Error.Field);
    }

    [Theory]
    [InlineData("""{"verb":"listen"}""", "$[0].url")]
    [InlineData("""{"verb":"listen","url":"https://a.example"}""", "$[0].url")]
    [InlineData("""{"verb":"listen","url":"wss://u:p@a.example"}""", "$[0].url")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","mixType":"quad"}""", "$[0].mixType")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","sampleRate":11025}""", "$[0].sampleRate")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","sampleRate":"16000"}""", "$[0].sampleRate")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","timeout":-1}""", "$[0].timeout")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","maxLength":0}""", "$[0].maxLength")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","finishOnKey":"x"}""", "$[0].finishOnKey")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","passDtmf":"yes"}""", "$[0].passDtmf")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","playBeep":1}""", "$[0].playBeep")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","metadata":"x"}""", "$[0].metadata")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","wsAuth":{"username":"u"}}""", "$[0].wsAuth.password")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","wsAuth":{"username":"a:b","password":"p"}}""", "$[0].wsAuth.username")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","bidirectionalAudio":{"streaming":"on"}}""", "$[0].bidirectionalAudio.streaming")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","bidirectionalAudio":{"sampleRate":44100}}""", "$[0].bidirectionalAudio.sampleRate")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","wireFormat":"sip"}""", "$[0].wireFormat")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","wireFormat":"twilio","mixType":"stereo"}""", "$[0].mixType")]
    [InlineData("""{"verb":"listen","url":"wss://a.example","actionHook":"ftp://x/y"}""", "$[0].actionHook")]
    public void ABadOption_IsRefusedByItsPath(string verb, string field)
    {
        var error = Assert.Throws<ValidationException>(() => Read($"[{verb}]"));

        Assert.Equal(field, error.Error.Field);
    }
}
