using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>
/// What jambonz defines but this server cannot do yet is skipped with a warning, so the rest of the application runs;
/// what nobody defines, or a malformed verb, is still refused by name.
/// </summary>
public sealed class SkippedVerbTests
{
    private static IReadOnlyList<Verb> Read(string application) =>
        new JambonzVerbReader(new Uri("https://app.example.com/call"), new Dictionary<string, WebhookTarget>())
            .ReadAll(JsonDocument.Parse(application).RootElement, "$");

    [Fact]
    public void AVerbNotYetSupported_IsSkippedByName_AndTheRestRuns()
    {
        var verbs = Read("""[{"verb": "enqueue", "name": "support"}, {"verb": "say", "text": "Hello"}]""");

        Assert.Equal("enqueue", Assert.IsType<SkippedVerb>(verbs[0]).Subject);
        Assert.IsType<SayVerb>(verbs[1]);
    }

    [Fact]
    public void AKeyedVerbNotYetSupported_IsSkippedToo()
    {
        var verbs = Read("""[{"conference": {"name": "room"}}]""");

        Assert.Equal("conference", Assert.IsType<SkippedVerb>(Assert.Single(verbs)).Subject);
    }

    [Fact]
    public void ConfigSectionsNotYetDone_AreNamedBeforeTheConfigThatRuns()
    {
        var verbs = Read("""[{"verb": "config", "record": {"action": "startCallRecording"}, "listen": {"enable": true, "url": "wss://a.example"}, "synthesizer": {"language": "de-DE"}}]""");

        // A record without a type is jambonz's SIPREC, which is not done; type cloud is (the call's own recording).
        Assert.Equal(["config.record"], verbs.OfType<SkippedVerb>().Select(s => s.Subject));
        Assert.Equal("de-DE", Assert.IsType<ConfigVerb>(verbs[^1]).Synthesizer!.Language);
    }

    [Fact]
    public void DialOptionsNotYetDone_AreNamed_AndTheDialRuns()
    {
        var verbs = Read("""[{"verb": "dial", "target": [{"type": "phone", "number": "+15550001"}], "listen": {"url": "wss://a.example"}, "dtmfHook": "/dtmf", "confirmHook": "/confirm"}]""");

        Assert.Equal(["dial.listen"], verbs.OfType<SkippedVerb>().Select(s => s.Subject));
        Assert.IsType<DialVerb>(verbs[^1]);
    }

    [Fact]
    public void AnOptionTurnedOff_IsNoWarning()
    {
        var verbs = Read("""[{"verb": "config", "bargeIn": false, "amd": null}]""");

        Assert.IsType<ConfigVerb>(Assert.Single(verbs));
    }

    [Fact]
    public void AVerbNobodyDefines_IsStillRefused()
    {
        var refused = Assert.Throws<ValidationException>(() => Read("""[{"verb": "dance"}]"""));

        Assert.Equal("$[0].verb", refused.Error.Field);
    }

    [Fact]
    public void AMalformedSupportedVerb_IsStillRefused()
    {
        var refused = Assert.Throws<ValidationException>(() => Read("""[{"verb": "pause", "length": "long"}]"""));

        Assert.Equal("$[0].length", refused.Error.Field);
    }

    [Fact]
    public void ADialToAUserAtItsRealm_CallsTheSipClientByItsUserName()
    {
        var dial = Assert.IsType<DialVerb>(Assert.Single(Read("""[{"verb": "dial", "target": [{"type": "user", "name": "spike@sip.example.com"}]}]""")));

        Assert.Equal(Switchboard.Calls.Engine.CallTarget.User("spike"), Assert.Single(dial.Targets));
    }

    [Fact]
    public void ARecognizerVendorThisServerLacks_FallsBackToTheDefault_WithAWarning()
    {
        var verbs = Read("""[{"verb": "gather", "input": ["speech"], "actionHook": "/heard", "recognizer": {"vendor": "google", "language": "en-US"}}]""");

        Assert.Equal("recognizer.vendor", Assert.IsType<SkippedVerb>(verbs[0]).Subject);
        Assert.Null(Assert.IsType<GatherVerb>(verbs[1]).Speech!.Vendor);
    }

    [Fact]
    public void LoopForever_RepeatsWithoutEnd_AndAnotherWordIsRefused()
    {
        Assert.Equal(JambonzVerbReader.LoopForever, Assert.IsType<PlayVerb>(Assert.Single(Read("""[{"verb": "play", "url": "https://example.com/hold.wav", "loop": "forever"}]"""))).Loop);
        Assert.Equal(JambonzVerbReader.LoopForever, Assert.IsType<SayVerb>(Assert.Single(Read("""[{"say": {"text": "Please hold.", "loop": "forever"}}]"""))).Loop);
        Assert.Equal("$[0].loop", Assert.Throws<ValidationException>(() => Read("""[{"verb": "say", "text": "x", "loop": "often"}]""")).Error.Field);
    }

    [Fact]
    public void GatherTimeout_DefaultsToJambonzs15Seconds_AndZeroIsNone()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), Assert.IsType<GatherVerb>(Assert.Single(Read("""[{"verb": "gather", "actionHook": "/a"}]"""))).Timeout);
        Assert.Equal(Timeout.InfiniteTimeSpan, Assert.IsType<GatherVerb>(Assert.Single(Read("""[{"verb": "gather", "actionHook": "/a", "timeout": 0}]"""))).Timeout);
    }

    [Fact]
    public void DeclineHeaders_GoWithTheRefusal_AndOnesSipWritesItselfAreRefused()
    {
        var decline = Assert.IsType<RejectVerb>(Assert.Single(Read("""[{"verb": "sip:decline", "status": 486, "headers": {"X-Reason": "busy"}}]""")));

        Assert.Equal([new KeyValuePair<string, string>("X-Reason", "busy")], decline.Headers);
        Assert.Equal("$[0].headers.Via", Assert.Throws<ValidationException>(() => Read("""[{"verb": "sip:decline", "status": 486, "headers": {"Via": "x"}}]""")).Error.Field);
    }
}
