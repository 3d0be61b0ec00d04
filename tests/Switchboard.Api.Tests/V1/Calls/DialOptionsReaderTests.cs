using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>jambonz <c>dial</c>'s <c>confirmHook</c>, <c>dialMusic</c> and <c>amd</c>, read onto the engine's dial.</summary>
public sealed class DialOptionsReaderTests
{
    private readonly Dictionary<string, WebhookTarget> _hooks = [];

    private DialVerb Read(string options) =>
        Assert.IsType<DialVerb>(Assert.Single(new JambonzVerbReader(new Uri("https://app.example.com/call"), _hooks)
            .ReadAll(JsonDocument.Parse($$"""[{"verb": "dial", "target": [{"type": "phone", "number": "+15550001"}], {{options}}}]""").RootElement, "$")));

    [Fact]
    public void ConfirmHook_ResolvesAgainstTheCallHook_AndKeepsItsCredentials()
    {
        var dial = Read(""" "confirmHook": {"url": "/screen", "method": "GET", "username": "app", "password": "secret"} """);

        Assert.Equal("https://app.example.com/screen", dial.ConfirmHook);
        Assert.Equal(("GET", "app"), (_hooks[dial.ConfirmHook!].Method, _hooks[dial.ConfirmHook!].Username));
    }

    [Fact]
    public void ATargetsOwnConfirmHook_IsReadWithIt()
    {
        var dial = Assert.IsType<DialVerb>(Assert.Single(new JambonzVerbReader(new Uri("https://app.example.com/call"), _hooks).ReadAll(JsonDocument.Parse("""
            [{"verb": "dial", "confirmHook": "/screen", "target": [
              {"type": "sip", "sipUri": "sip:boss@10.0.0.5", "confirmHook": "/screen-boss"},
              {"type": "phone", "number": "+15550001"}]}]
            """).RootElement, "$")));

        Assert.Equal(["https://app.example.com/screen-boss", null], dial.Targets.Select(t => t.ConfirmHook));
        Assert.Equal("https://app.example.com/screen", dial.ConfirmHook);
    }

    [Fact]
    public void DialMusic_IsTheHoldPromptTheCallerHearsWhileTheTargetsRing()
    {
        var dial = Read(""" "dialMusic": "https://media.example.com/ring.mp3" """);

        var music = Assert.IsType<PlayVerb>(dial.HoldPrompt);
        Assert.Equal("https://media.example.com/ring.mp3", music.Url.AbsoluteUri);
    }

    [Fact]
    public void Amd_ReadsTheDetectorsTuning_AndARelativeHook()
    {
        var dial = Read(""" "amd": {"actionHook": "/amd", "thresholdWordCount": 7, "timers": {"decisionTimeoutMs": 9000}} """);

        Assert.Equal("https://app.example.com/amd", dial.Amd!.ActionHook);
        Assert.Equal(7, dial.Amd.Options.ThresholdWordCount);
        Assert.Equal(TimeSpan.FromSeconds(9), dial.Amd.Options.DecisionTimeout);
        Assert.Contains(dial.Amd.ActionHook, _hooks.Keys);
    }

    [Fact]
    public void DtmfCapture_OfBothParties_OrOfEach_GoesWithTheDtmfHook()
    {
        var both = Read(""" "dtmfHook": "/dtmf", "dtmfCapture": ["*2", "#"] """);
        var each = Read(""" "dtmfHook": "/dtmf", "dtmfCapture": {"parentCall": ["*9"], "childCall": ["1", "22"]}, "referHook": "/refer" """);
        var hookless = Read(""" "dtmfCapture": ["*2"] """);

        Assert.Equal("https://app.example.com/dtmf", both.DtmfHook);
        Assert.Equal(["*2", "#"], both.CallerKeyPatterns);
        Assert.Equal(["*2", "#"], both.CalleeKeyPatterns);
        Assert.Equal(["*9"], each.CallerKeyPatterns);
        Assert.Equal(["1", "22"], each.CalleeKeyPatterns);
        Assert.Equal("https://app.example.com/refer", each.ReferHook);
        Assert.Equal((0, 0), (hookless.CallerKeyPatterns.Count, hookless.CalleeKeyPatterns.Count));
    }

    [Fact]
    public void WithoutTheOptions_TheDialHasNone()
    {
        var dial = Read(""" "timeout": 20 """);

        Assert.Equal((null, null, null), (dial.ConfirmHook, dial.HoldPrompt, (object?)dial.Amd));
    }

    [Theory]
    [InlineData(""" "confirmHook": 42 """, "$[0].confirmHook")]
    [InlineData(""" "confirmHook": "ftp://x.example/c" """, "$[0].confirmHook")]
    [InlineData(""" "dialMusic": "/music.wav" """, "$[0].dialMusic")]
    [InlineData(""" "dtmfHook": "/d", "dtmfCapture": "*2" """, "$[0].dtmfCapture")]
    [InlineData(""" "dtmfHook": "/d", "dtmfCapture": ["*2", "x"] """, "$[0].dtmfCapture[1]")]
    [InlineData(""" "dtmfHook": "/d", "dtmfCapture": {"childCall": "1"} """, "$[0].dtmfCapture.childCall")]
    [InlineData(""" "dialMusic": 3 """, "$[0].dialMusic")]
    [InlineData(""" "amd": {"thresholdWordCount": 3} """, "$[0].amd.actionHook")]
    [InlineData(""" "amd": {"actionHook": "/amd", "timers": {"noSpeechTimeoutMs": 9000, "decisionTimeoutMs": 3000}} """, "$[0].amd.timers.noSpeechTimeoutMs")]
    public void AMalformedOption_IsRefusedNamingIt(string options, string field)
    {
        var refused = Assert.Throws<ValidationException>(() => Read(options));

        Assert.Equal(field, refused.Error.Field);
    }
}
