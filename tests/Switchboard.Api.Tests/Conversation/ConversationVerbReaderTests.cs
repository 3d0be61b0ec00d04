using System.Text.Json;
using Switchboard.Api.Conversation;
using Switchboard.Api.Problems;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Tests.Conversation;

public sealed class ConversationVerbReaderTests
{
    [Fact]
    public void Play_ReadsItsFileUrlAndBargeIn()
    {
        var verbs = Read("""[{"type":"PLAY","fileUrl":"https://audio.example/ticket.mp3","bargeIn":true},{"type":"play","fileUrl":"http://audio.example/a.wav"}]""");

        Assert.Equal(new PlayVerb(new Uri("https://audio.example/ticket.mp3"), 1, BargeIn: true), verbs[0]);
        Assert.Equal(new PlayVerb(new Uri("http://audio.example/a.wav"), 1, BargeIn: false), verbs[1]);
    }

    [Fact]
    public void Dial_CallsOnePhoneNumber_WithItsFromAsCallerId()
    {
        var dial = Assert.IsType<DialVerb>(Assert.Single(Read("""[{"type":"DIAL","to":"+306970000002","from":"+302100000000"}]""")));

        Assert.Equal([CallTarget.Phone("+306970000002")], dial.Targets);
        Assert.Equal("+302100000000", dial.CallerId);
        Assert.Equal(TimeSpan.FromSeconds(60), dial.Timeout);
        Assert.Null(dial.ActionHook);
        Assert.True(dial.PassDigits);
    }

    [Fact]
    public void Dial_WithoutFrom_ShowsTheConversationsFrom()
    {
        // The engine's leg shows the dialling call's own From when the dial names no caller ID.
        var dial = Assert.IsType<DialVerb>(Assert.Single(Read("""[{"type":"DIAL","to":"306970000002","timeout":20}]""")));

        Assert.Null(dial.CallerId);
        Assert.Equal(TimeSpan.FromSeconds(20), dial.Timeout);
    }

    [Fact]
    public void APauseAfterABargeInPrompt_BargesIn_AndSoDoesThePauseAfterIt()
    {
        var verbs = Read("""
            [{"type":"PAUSE","duration":3},
             {"type":"SAY","message":{"text":"ticket"}},
             {"type":"PAUSE","duration":4},
             {"type":"SAY","message":{"text":"press one"},"bargeIn":true},
             {"type":"PAUSE","duration":10},
             {"type":"PAUSE","duration":1},
             {"type":"PLAY","fileUrl":"http://a.example/x.wav","bargeIn":true},
             {"type":"PAUSE","duration":6},
             {"type":"COLLECT","eventUrl":"http://app.example/collect"},
             {"type":"PAUSE","duration":2}]
            """);

        Assert.Equal([false, false, true, true, true, false], verbs.OfType<PauseVerb>().Select(pause => pause.BargeIn));
    }

    [Theory]
    [InlineData("""[{"type":"PLAY"}]""", "verbs[0].fileUrl")]
    [InlineData("""[{"type":"PLAY","fileUrl":"ftp://a.example/x.mp3"}]""", "verbs[0].fileUrl")]
    [InlineData("""[{"type":"PLAY","fileUrl":"x.mp3"}]""", "verbs[0].fileUrl")]
    [InlineData("""[{"type":"PLAY","fileUrl":42}]""", "verbs[0].fileUrl")]
    [InlineData("""[{"type":"PAUSE","duration":1},{"type":"PLAY","fileUrl":"http://a.example/x.mp3","bargeIn":"yes"}]""", "verbs[1].bargeIn")]
    [InlineData("""[{"type":"DIAL"}]""", "verbs[0].to")]
    [InlineData("""[{"type":"DIAL","to":"call me"}]""", "verbs[0].to")]
    [InlineData("""[{"type":"DIAL","to":"sip:bob@example.com"}]""", "verbs[0].to")]
    [InlineData("""[{"type":"DIAL","to":{"phone":"+306970000002"}}]""", "verbs[0].to")]
    [InlineData("""[{"type":"DIAL","to":"+306970000002","from":"a b@c"}]""", "verbs[0].from")]
    [InlineData("""[{"type":"DIAL","to":"+306970000002","from":{"phone":"7"}}]""", "verbs[0].from")]
    [InlineData("""[{"type":"DIAL","to":"+306970000002","timeout":0}]""", "verbs[0].timeout")]
    public void BadPlayOrDial_NamesTheField(string verbs, string field)
    {
        var error = Assert.Throws<ValidationException>(() => Read(verbs));

        Assert.Equal(field, error.Error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Error.Message));
    }

    private static IReadOnlyList<Verb> Read(string verbs)
    {
        using var document = JsonDocument.Parse($$"""{"verbs":{{verbs}}}""");
        return ConversationVerbReader.ReadAll(document.RootElement, "verbs");
    }
}
