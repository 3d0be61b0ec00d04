using System.Text.Json;
using Switchboard.Api.Conversation;
using Switchboard.Api.Conversation.Escalation;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Tests.Conversation.Escalation;

public sealed class EscalationReaderTests
{
    [Fact]
    public void Read_IssueExample_TakesEveryField()
    {
        var escalation = Read("""
            {"recipients": [{"phone": "+306970000002"}, {"phone": "306970000003"}], "attempts": 3, "retryAfter": 30, "accept": "1", "reject": "2"}
            """);

        Assert.NotNull(escalation);
        Assert.Equal(["+306970000002", "306970000003"], escalation.Recipients);
        Assert.Equal((3, TimeSpan.FromSeconds(30), "1", "2"), (escalation.Attempts, escalation.RetryAfter, escalation.Accept, escalation.Reject));
    }

    [Fact]
    public void Read_OnlyRecipients_TakesTheDefaults_OneTryThirtySecondsApart_OneAcceptsTwoRejects()
    {
        var escalation = Read("""{"recipients": [{"phone": "+2"}]}""");

        Assert.NotNull(escalation);
        Assert.Equal((1, TimeSpan.FromSeconds(30), "1", "2"), (escalation.Attempts, escalation.RetryAfter, escalation.Accept, escalation.Reject));
    }

    [Fact]
    public void Read_AcceptWithoutReject_RejectsWithNoKey()
    {
        var escalation = Read("""{"attempts": 2, "accept": "2#"}""");

        Assert.NotNull(escalation);
        Assert.Equal(("2#", ""), (escalation.Accept, escalation.Reject));
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"recipients": [], "attempts": 1, "retryAfter": 5}""")]
    public void Read_NoRecipientsAndOneAttempt_IsAPlainConversation(string escalation)
    {
        Assert.Null(Read(escalation));
        Assert.Null(ReadRequest("""{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[]}}""").Escalation);
    }

    [Theory]
    [InlineData("""[]""", "escalation")]
    [InlineData("""{"attempts": 0}""", "escalation.attempts")]
    [InlineData("""{"attempts": 11}""", "escalation.attempts")]
    [InlineData("""{"attempts": 2.5}""", "escalation.attempts")]
    [InlineData("""{"attempts": "3"}""", "escalation.attempts")]
    [InlineData("""{"attempts": 2, "retryAfter": -1}""", "escalation.retryAfter")]
    [InlineData("""{"attempts": 2, "retryAfter": 3601}""", "escalation.retryAfter")]
    [InlineData("""{"recipients": {"phone": "+2"}}""", "escalation.recipients")]
    [InlineData("""{"recipients": ["+2"]}""", "escalation.recipients[0]")]
    [InlineData("""{"recipients": [{"phone": "+2"}, {"phone": "call me"}]}""", "escalation.recipients[1].phone")]
    [InlineData("""{"recipients": [{"phone": "+2"}, {}]}""", "escalation.recipients[1].phone")]
    [InlineData("""{"attempts": 2, "accept": "1", "reject": "21"}""", "escalation.reject")]
    [InlineData("""{"attempts": 2, "accept": "1a"}""", "escalation.accept")]
    [InlineData("""{"attempts": 2, "reject": "2"}""", "escalation.accept")]
    [InlineData("""{"attempts": 2, "accept": ""}""", "escalation.accept")]
    public void Read_InvalidEscalation_NamesTheField(string escalation, string field)
    {
        var error = Assert.Throws<ValidationException>(() => Read(escalation));

        Assert.Equal(field, error.Error.Field);
    }

    [Fact]
    public void ConversationReader_ReadsTheEscalationWithTheRest()
    {
        var request = ReadRequest("""
            {"from":"1","to":{"phone":"+1"},"dialPlan":{"verbs":[]},"escalation":{"recipients":[{"phone":"+2"}],"attempts":2,"retryAfter":0}}
            """);

        Assert.Equal(["+1", "+2"], EscalationPlan.Of(request.Phone, request.Escalation!).People);
    }

    private static EscalationRequest? Read(string escalation) =>
        EscalationReader.Read(JsonDocument.Parse($$"""{"escalation": {{escalation}}}""").RootElement);

    private static ConversationRequest ReadRequest(string body) => ConversationRequestReader.Read(JsonDocument.Parse(body).RootElement);
}
