using Switchboard.Api.Conversation.Escalation;
using Switchboard.Storage.Escalations;

namespace Switchboard.Api.Tests.Conversation.Escalation;

public sealed class EscalationPlanTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-01-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
    private static readonly EscalationPlan Plan = new(["+1", "+2"], Attempts: 2, RetryAfter: TimeSpan.FromSeconds(30), Accept: "1", Reject: "2*");

    [Fact]
    public void Next_WithNoAttempts_CallsTheFirstPersonNow()
    {
        Assert.Equal(new EscalationStep.Call(0, 1, Now), Plan.Next([], Now));
    }

    [Theory]
    [InlineData(EscalationResults.Busy)]
    [InlineData(EscalationResults.NoAnswer)]
    [InlineData(EscalationResults.NoInput)]
    [InlineData(EscalationResults.Failed)]
    public void Next_AfterAnUnansweredTry_CallsTheSamePersonAgain_RetryAfterTheTryEnded(string result)
    {
        var step = Plan.Next([Attempt(1, 0, 1, result, endedAt: Now.AddSeconds(-10))], Now);

        Assert.Equal(new EscalationStep.Call(0, 2, Now.AddSeconds(20)), step);
    }

    [Fact]
    public void Next_WhenTheWaitIsAlreadyOver_CallsNow()
    {
        var step = Plan.Next([Attempt(1, 0, 1, EscalationResults.Busy, endedAt: Now.AddMinutes(-5))], Now);

        Assert.Equal(new EscalationStep.Call(0, 2, Now), step);
    }

    [Fact]
    public void Next_AfterAPersonsLastTry_CallsTheNextPersonAtOnce()
    {
        var step = Plan.Next([Attempt(1, 0, 1, EscalationResults.Busy, Now), Attempt(2, 0, 2, EscalationResults.NoInput, Now)], Now);

        Assert.Equal(new EscalationStep.Call(1, 1, Now), step);
    }

    [Fact]
    public void Next_AfterARejection_CallsTheNextPersonAtOnce_WithTriesLeft()
    {
        var step = Plan.Next([Attempt(1, 0, 1, EscalationResults.Rejected, Now)], Now);

        Assert.Equal(new EscalationStep.Call(1, 1, Now), step);
    }

    [Theory]
    [InlineData(EscalationResults.Rejected)]
    [InlineData(EscalationResults.Busy)]
    public void Next_WhenTheLastPersonIsDone_EndsNoAnswer(string result)
    {
        var step = Plan.Next([Attempt(1, 0, 1, EscalationResults.Rejected, Now), Attempt(2, 1, 1, EscalationResults.Busy, Now), Attempt(3, 1, 2, result, Now)], Now);

        Assert.Equal(new EscalationStep.End(EscalationResults.NoAnswer), step);
    }

    [Fact]
    public void Next_AfterAnAcceptance_EndsAccepted()
    {
        Assert.Equal(new EscalationStep.End(EscalationResults.Accepted), Plan.Next([Attempt(1, 0, 1, EscalationResults.Accepted, Now)], Now));
    }

    [Fact]
    public void Next_WhileATryRuns_IsAMistake()
    {
        Assert.Throws<InvalidOperationException>(() => Plan.Next([Attempt(1, 0, 1, null, null)], Now));
    }

    [Theory]
    [InlineData("1", EscalationResults.Accepted)]
    [InlineData("2", EscalationResults.Rejected)]
    [InlineData("*", EscalationResults.Rejected)]
    [InlineData("12", EscalationResults.Accepted)]
    [InlineData("3", null)]
    [InlineData("", null)]
    public void Judge_TheFirstKeyDecides(string digits, string? verdict)
    {
        Assert.Equal(verdict, Plan.Judge(digits));
    }

    private static EscalationAttemptRecord Attempt(int number, int person, int attempt, string? result, DateTimeOffset? endedAt) =>
        new(number, person, "+" + (person + 1), attempt, "call-" + number, Now.AddMinutes(-1)) { Result = result, EndedAt = endedAt };
}
