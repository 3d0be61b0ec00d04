using System.Text.Json;
using Switchboard.Api.EventAction;
using Switchboard.Api.Problems;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Tests.EventAction;

public sealed class ActionReaderTests
{
    private static readonly ActionReader Reader = new(new AudioReader(engine => engine == "espeak" ? "espeak" : null));

    [Fact]
    public void Play_FromTheSeed_IsAGatherThatPlaysBothAudiosAndListensForKeysAndWords()
    {
        var plan = Read("""
            {"action": "PLAY",
             "audio": [{"type": "URL", "location": "https://audio.example/CantinaBand3.wav"},
                       {"type": "TTS", "style": "NEURAL", "language": "en-US", "voice": "GuyNeural;Male", "gender": "MALE", "engine": "AZURE",
                        "text": "greetings from cisco please enter 3 digits pin followed by # to patch "}],
             "collectInput": {"terminationDigit": "#", "maxDigits": 0, "digitTimeout": 5},
             "streamInput": {"timeout": 20, "maxsilence": 5, "model": "DEFAULT", "language": "en-US", "asrEngine": "DEFAULT",
                             "recordStream": true, "singleUtterence": false, "alternateLanguages": ["fr-CA", "en-CA"]}}
            """)!;

        var gather = Assert.IsType<GatherVerb>(Assert.Single(plan.Verbs));
        Assert.Same(gather, plan.Reporter);
        Assert.Equal((InputReader.MaxDigits, '#', TimeSpan.FromSeconds(5)), (gather.MaxDigits, gather.FinishOnKey, gather.Timeout));
        Assert.True(gather.AcceptsDigits && gather.SpeechBargeIn && gather.PromptBargeIn);
        Assert.Equal(TimeSpan.FromSeconds(20), gather.SpeechLimit);
        Assert.Equal(("en-US", null), (gather.Speech!.Language, gather.Speech.Vendor));
        Assert.Equal(["fr-CA", "en-CA"], gather.Speech.AlternativeLanguages!);
        var prompts = Assert.IsType<AnnounceVerb>(gather.Prompt).Prompts;
        Assert.Equal(new Uri("https://audio.example/CantinaBand3.wav"), Assert.IsType<PlayVerb>(prompts[0]).Url);
        // AZURE is no engine of this server: the text is still spoken, by the default synthesizer, without Azure's voice.
        var say = Assert.IsType<SayVerb>(prompts[1]);
        Assert.Equal(("en-US", "male", null, null), (say.Language, say.Gender, say.Voice, say.Vendor));
    }

    [Fact]
    public void Play_WithoutInput_ReportsThroughItsAnnouncement_AndAKnownEngineKeepsItsVoice()
    {
        var plan = Read("""{"action": "play", "audio": [{"type": "TTS", "text": "hello", "engine": "ESPEAK", "voice": "en-us+f3"}]}""")!;

        var announce = Assert.IsType<AnnounceVerb>(Assert.Single(plan.Verbs));
        Assert.Same(announce, plan.Reporter);
        var say = Assert.IsType<SayVerb>(Assert.Single(announce.Prompts));
        Assert.Equal(("espeak", "en-us+f3"), (say.Vendor, say.Voice));
    }

    [Fact]
    public void Record_PlaysItsAudioFirst_ThenRecordsUntilTheKeyOrTheLimit()
    {
        var plan = Read("""
            {"action": "RECORD", "audio": [{"type": "TTS", "text": " Hello buddy start recording now April 3rd 2023"}],
             "timeoutSeconds": 20, "terminationDigit": "5"}
            """)!;

        Assert.IsType<AnnounceVerb>(plan.Verbs[0]);
        var record = Assert.IsType<RecordVerb>(plan.Verbs[1]);
        Assert.Same(record, plan.Reporter);
        Assert.Equal((TimeSpan.FromSeconds(20), "5", null), (record.MaxLength, record.FinishOnKeys, record.SilenceTimeout));
    }

    [Fact]
    public void Patch_FromTheSeed_IsADialWithHoldAudioGreetingAndRecording()
    {
        var plan = Read("""
            {"action": "PATCH", "recordCall": true,
             "holdAudio": {"type": "URL", "location": "https://audio.example/hold.wav"},
             "greetingAudio": {"type": "TTS", "text": "thank you for waiting call is connected now"},
             "greetingRepeatCount": 0, "patchCallerId": "+15306544584", "dialedNumber": "+919985167784", "passDtmf": false}
            """)!;

        var dial = Assert.IsType<DialVerb>(Assert.Single(plan.Verbs));
        Assert.Equal("+919985167784", Assert.Single(dial.Targets).Address);
        Assert.Equal(("+15306544584", false, true, 0), (dial.CallerId, dial.PassDigits, dial.RecordParties, dial.GreetingRepeats));
        Assert.IsType<PlayVerb>(dial.HoldPrompt);
        Assert.IsType<SayVerb>(dial.Greeting);
    }

    [Fact]
    public void Answer_AnswersThenAsksForTheNextActionWithAnswered()
    {
        var plan = Read("""{"action": "ANSWER"}""")!;

        Assert.IsType<AnswerVerb>(plan.Verbs[0]);
        Assert.Equal(new RedirectVerb(ActionReader.AnsweredMarker), plan.Verbs[1]);
        Assert.Same(plan.Verbs[1], plan.Reporter);
    }

    [Fact]
    public void Reject_DeclinesWith603_AndItsReasonAsThePhrase()
    {
        var plan = Read("""{"action": "REJECT", "reason": "Calltest Failed due to configured menu in reject state\r\n"}""")!;

        Assert.Equal(new RejectVerb(603, "Calltest Failed due to configured menu in reject state"), Assert.Single(plan.Verbs));
        Assert.Null(plan.Reporter);
    }

    [Fact]
    public void AnEmptyObject_IsNoAction()
    {
        Assert.Null(Read("{}"));
    }

    [Theory]
    [InlineData("""[]""", "$")]
    [InlineData("""{"verbs": []}""", "action")]
    [InlineData("""{"action": "DANCE"}""", "action")]
    [InlineData("""{"action": 7}""", "action")]
    [InlineData("""{"action": "PLAY"}""", "audio")]
    [InlineData("""{"action": "PLAY", "audio": []}""", "audio")]
    [InlineData("""{"action": "PLAY", "audio": [{"type": "URL"}]}""", "audio[0].location")]
    [InlineData("""{"action": "PLAY", "audio": [{"type": "URL", "location": "file:///etc/passwd"}]}""", "audio[0].location")]
    [InlineData("""{"action": "PLAY", "audio": [{"type": "TTS", "text": "hi"}, {"type": "MP4"}]}""", "audio[1].type")]
    [InlineData("""{"action": "PLAY", "audio": [{"type": "TTS", "text": "hi", "gender": "ROBOT"}]}""", "audio[0].gender")]
    [InlineData("""{"action": "PLAY", "collectInput": {"terminationDigit": "##"}}""", "collectInput.terminationDigit")]
    [InlineData("""{"action": "PLAY", "collectInput": {"maxDigits": 500}}""", "collectInput.maxDigits")]
    [InlineData("""{"action": "PLAY", "collectInput": {"digitTimeout": 0}}""", "collectInput.digitTimeout")]
    [InlineData("""{"action": "PLAY", "streamInput": {"asrEngine": "GOOGLE"}}""", "streamInput.asrEngine")]
    [InlineData("""{"action": "PLAY", "streamInput": {"language": "english please"}}""", "streamInput.language")]
    [InlineData("""{"action": "PLAY", "streamInput": {"alternateLanguages": "fr-CA"}}""", "streamInput.alternateLanguages")]
    [InlineData("""{"action": "RECORD", "timeoutSeconds": 0}""", "timeoutSeconds")]
    [InlineData("""{"action": "RECORD", "terminationDigit": "x"}""", "terminationDigit")]
    [InlineData("""{"action": "PATCH"}""", "dialedNumber")]
    [InlineData("""{"action": "PATCH", "dialedNumber": "+1555", "patchCallerId": "a b"}""", "patchCallerId")]
    [InlineData("""{"action": "PATCH", "dialedNumber": "+1555", "holdAudio": []}""", "holdAudio")]
    [InlineData("""{"action": "PATCH", "dialedNumber": "+1555", "greetingRepeatCount": 99}""", "greetingRepeatCount")]
    public void AnInvalidAction_NamesTheField(string json, string field)
    {
        var refused = Assert.Throws<ValidationException>(() => Read(json));

        Assert.Equal(field, refused.Error.Field);
    }

    private static ActionPlan? Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Reader.Read(document.RootElement);
    }
}
