using System.Net;
using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1;

public sealed class CallReadersTests
{
    private static readonly Uri CallHook = new("https://app.example.com/call");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static Verb ReadOne(string verb) =>
        new JambonzVerbReader(CallHook, new Dictionary<string, WebhookTarget>()).ReadAll(Json($"[{verb}]"), "$").Single();

    [Fact]
    public void Dial_ReadsTargetsCallerIdTimeoutHeadersAndARelativeActionHook()
    {
        var dial = Assert.IsType<DialVerb>(ReadOne("""
            {"verb": "dial", "actionHook": "/dial-done", "callerId": "+15551110000", "callerName": "Sales",
             "timeout": 25, "timeLimit": 600, "headers": {"X-Queue": "sales"},
             "target": [{"type": "phone", "number": "+15550002", "trunk": "upstream"}, {"type": "sip", "sipUri": "sip:agent@10.0.0.5"}]}
            """));

        Assert.Equal([CallTargetKind.Phone, CallTargetKind.Sip], dial.Targets.Select(t => t.Kind));
        Assert.Equal("upstream", dial.Targets[0].TrunkName);
        Assert.Equal("sip:agent@10.0.0.5", dial.Targets[1].Address);
        Assert.Equal("https://app.example.com/dial-done", dial.ActionHook);
        Assert.Equal(("+15551110000", "Sales"), (dial.CallerId, dial.CallerName));
        Assert.Equal((TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(600)), (dial.Timeout, dial.TimeLimit!.Value));
        Assert.Equal([KeyValuePair.Create("X-Queue", "sales")], dial.Headers);
    }

    [Theory]
    [InlineData("""{"verb": "dial"}""", "$[0].target")]
    [InlineData("""{"verb": "dial", "target": []}""", "$[0].target")]
    [InlineData("""{"verb": "dial", "target": [{"type": "phone"}]}""", "$[0].target[0].number")]
    [InlineData("""{"verb": "dial", "target": [{"type": "sip", "sipUri": "http://x"}]}""", "$[0].target[0].sipUri")]
    [InlineData("""{"verb": "dial", "target": [{"type": "fax", "number": "1"}]}""", "$[0].target[0].type")]
    [InlineData("""{"verb": "dial", "target": [{"type": "phone", "number": "1"}], "timeout": 0}""", "$[0].timeout")]
    [InlineData("""{"verb": "dial", "target": [{"type": "phone", "number": "1"}], "callerId": "a b"}""", "$[0].callerId")]
    [InlineData("""{"verb": "dial", "target": [{"type": "phone", "number": "1"}], "headers": {"Via": "x"}}""", "$[0].headers.Via")]
    public void Dial_WithAnInvalidField_IsRefusedNamingIt(string verb, string field)
    {
        var invalid = Assert.Throws<ValidationException>(() => ReadOne(verb));
        Assert.Equal(field, invalid.Error.Field);
    }

    [Fact]
    public void Dial_RingsAtMostTenTargets()
    {
        var targets = string.Join(",", Enumerable.Range(0, 11).Select(i => $$"""{"type": "phone", "number": "{{i}}"}"""));
        var invalid = Assert.Throws<ValidationException>(() => ReadOne($$"""{"verb": "dial", "target": [{{targets}}]}"""));
        Assert.Equal("$[0].target", invalid.Error.Field);
    }

    [Fact]
    public void LiveUpdate_ReadsMuteAndKeys()
    {
        var update = LiveCallUpdateReader.Read(Json("""{"mute_status": "mute", "dtmf": {"digit": "12#", "duration": 100}}"""));

        Assert.True(update.Mute);
        Assert.Equal(("12#", TimeSpan.FromMilliseconds(100)), update.Dtmf);
        Assert.False(LiveCallUpdateReader.Read(Json("""{"mute_status": "unmute"}""")).Mute);
        Assert.Equal(TimeSpan.FromMilliseconds(250), LiveCallUpdateReader.Read(Json("""{"dtmf": {"digit": "5"}}""")).Dtmf!.Value.Duration);
    }

    [Fact]
    public void LiveUpdate_CloudRecord_ControlsTheCallsOwnRecording()
    {
        Assert.Equal(CallRecordingAction.Pause, LiveCallUpdateReader.Read(Json("""{"record": {"action": "pauseCallRecording", "type": "cloud"}}""")).Record);
    }

    [Fact]
    public void LiveUpdate_TranscribeStatus_PausesOrResumes()
    {
        Assert.True(LiveCallUpdateReader.Read(Json("""{"transcribe_status": "pause"}""")).TranscriptionPaused);
        Assert.False(LiveCallUpdateReader.Read(Json("""{"transcribe_status": "resume"}""")).TranscriptionPaused);
    }

    [Fact]
    public void LiveUpdate_ListenStatus_PausesOrResumes()
    {
        Assert.True(LiveCallUpdateReader.Read(Json("""{"listen_status": "pause"}""")).ListenPaused);
        Assert.False(LiveCallUpdateReader.Read(Json("""{"listen_status": "resume"}""")).ListenPaused);
    }

    [Theory]
    [InlineData("""{"mute_status": "quiet"}""", "mute_status")]
    [InlineData("""{"dtmf": {"digit": "x"}}""", "dtmf.digit")]
    [InlineData("""{"dtmf": {}}""", "dtmf.digit")]
    [InlineData("""{"dtmf": {"digit": "1", "duration": 1}}""", "dtmf.duration")]
    [InlineData("""{"listen_status": "stop"}""", "listen_status")]
    [InlineData("""{"child_call_hook": 5}""", "child_call_hook")]
    [InlineData("""{"whisper": {"verb": "gather"}}""", "whisper.verb")]
    [InlineData("""{"whisper": [{"say": {"text": "hi"}}, {"dial": {}}]}""", "whisper[1]")]
    [InlineData("""{"whisper": []}""", "whisper")]
    [InlineData("""{"whisper": {"verb": "play"}}""", "whisper.url")]
    [InlineData("""{"record": {"action": "startCallRecording"}}""", "record.type")]
    [InlineData("""{"record": {"action": "startCallRecording", "type": "siprec"}}""", "record.type")]
    [InlineData("""{"record": {"action": "fastForward", "type": "cloud"}}""", "record.action")]
    [InlineData("""{"transcribe_status": "stop"}""", "transcribe_status")]
    [InlineData("""{}""", "$")]
    public void LiveUpdate_WithAnInvalidField_IsRefusedNamingIt(string body, string field)
    {
        var invalid = Assert.Throws<ValidationException>(() => LiveCallUpdateReader.Read(Json(body)));
        Assert.Equal(field, invalid.Error.Field);
    }

    [Theory]
    [InlineData("198.51.100.7", true)]
    [InlineData("::ffff:198.51.100.7", true)]
    [InlineData("203.0.113.9", true)]
    [InlineData("198.51.101.7", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("2001:db8::1", false)]
    public void CarrierAllowList_MatchesAddressesAndBlocks(string source, bool allowed)
    {
        string[] list = ["198.51.100.0/24", "203.0.113.9"];
        Assert.Equal(allowed, CarrierAllowList.Allows(list, IPAddress.Parse(source)));
        Assert.True(CarrierAllowList.Allows([], IPAddress.Parse(source)));
    }
}
