using System.Text.Json;
using Switchboard.Api.Conversation;
using Switchboard.Api.Problems;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Tests.Conversation;

public sealed class ConversationRequestReaderTests
{
    private const string SeedBody = """
        {
          "from": "123",
          "to": { "phone": "+30697000000" },
          "dialPlan": { "verbs": [
            { "type": "PAUSE", "duration": 3 },
            { "type": "SAY", "message": { "text": "here you can define your ticket", "gender": "male", "language": "en-US" } },
            { "type": "SAY", "message": { "text": "PRESS ONE", "language": "en-US", "gender": "female" }, "bargeIn": true },
            { "type": "COLLECT", "eventUrl": "https://eventUrl.com", "maxDigits": 2, "submitOnHash": true }
          ] },
          "callback": { "url": "https://statusCallback.com", "strategy": "OnChange" }
        }
        """;

    [Fact]
    public void Read_SeedRequest_TranslatesEveryVerb()
    {
        var request = Read(SeedBody);

        Assert.Equal("123", request.From);
        Assert.Equal("+30697000000", request.Phone);
        Assert.Equal(new PauseVerb(TimeSpan.FromSeconds(3)), request.Verbs[0]);
        Assert.Equal(new SayVerb("here you can define your ticket", "en-US", "male", null, false), request.Verbs[1]);
        Assert.True(((SayVerb)request.Verbs[2]).BargeIn);
        Assert.Equal(new GatherVerb(2, '#', TimeSpan.FromSeconds(ConversationVerbReader.DefaultCollectTimeoutSeconds), "https://eventurl.com/"), request.Verbs[3]);
        Assert.Equal(CallbackStrategy.OnChange, request.Callback?.Strategy);
        Assert.Equal(ConversationRequestReader.DefaultRingTimeout, request.RingTimeout);
    }

    [Theory]
    [InlineData("""{"from":"1","dialPlan":{"verbs":[]}}""", "to")]
    [InlineData("""{"from":"1","to":{},"dialPlan":{"verbs":[]}}""", "to.phone")]
    [InlineData("""{"from":"1","to":{"phone":"call me"},"dialPlan":{"verbs":[]}}""", "to.phone")]
    [InlineData("""{"to":{"phone":"1"},"dialPlan":{"verbs":[]}}""", "from")]
    [InlineData("""{"from":"1","to":{"phone":"1"}}""", "dialPlan")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":{}}}""", "dialPlan.verbs")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"PAUSE","duration":1},{"type":"DANCE"}]}}""", "dialPlan.verbs[1].type")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"PAUSE","duration":-1}]}}""", "dialPlan.verbs[0].duration")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"PAUSE"}]}}""", "dialPlan.verbs[0].duration")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"COLLECT","eventUrl":"ftp://x/y"}]}}""", "dialPlan.verbs[0].eventUrl")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"COLLECT","eventUrl":"http://x/","maxDigits":1.5}]}}""", "dialPlan.verbs[0].maxDigits")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"SAY","message":{}}]}}""", "dialPlan.verbs[0].message.text")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"SAY","message":{"text":"x","gender":"robot"}}]}}""", "dialPlan.verbs[0].message.gender")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[]},"callback":{"url":"http://x/","strategy":"Sometimes"}}""", "callback.strategy")]
    [InlineData("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[]},"callback":{"url":"not a url"}}""", "callback.url")]
    [InlineData("""[1,2]""", "$")]
    public void Read_InvalidRequest_NamesTheField(string body, string field)
    {
        var error = Assert.Throws<ValidationException>(() => Read(body));

        Assert.Equal(field, error.Error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Error.Message));
    }

    private static ConversationRequest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ConversationRequestReader.Read(document.RootElement);
    }
}
