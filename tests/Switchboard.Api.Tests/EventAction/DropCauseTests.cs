using Switchboard.Api.EventAction;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.Tests.EventAction;

public sealed class DropCauseTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("outbound", CallStatus.Completed, CallEndedBy.FarEnd, null, "SUCCESS", "CALLEE", "2008")]
    [InlineData("inbound", CallStatus.Completed, CallEndedBy.FarEnd, null, "SUCCESS", "CALLER", "2008")]
    [InlineData("inbound", CallStatus.Canceled, CallEndedBy.FarEnd, 487, "SUCCESS", "CALLER", "2008")]
    [InlineData("outbound", CallStatus.Completed, CallEndedBy.Application, null, "SUCCESS", "APPLICATION", "2000")]
    [InlineData("outbound", CallStatus.Completed, CallEndedBy.Api, null, "SUCCESS", "APPLICATION", "2000")]
    [InlineData("inbound", CallStatus.Busy, CallEndedBy.Application, 603, "SUCCESS", "APPLICATION", "2004")]
    [InlineData("outbound", CallStatus.Failed, CallEndedBy.Application, null, "FAILURE", "APPLICATION", "2005")]
    [InlineData("inbound", CallStatus.NoAnswer, CallEndedBy.Application, 480, "SUCCESS", "APPLICATION", "2000")]
    [InlineData("outbound", CallStatus.Canceled, CallEndedBy.Application, 487, "SUCCESS", "APPLICATION", "2000")]
    [InlineData("outbound", CallStatus.NoAnswer, CallEndedBy.Server, 487, "FAILURE", "SYSTEM", "2001")]
    [InlineData("outbound", CallStatus.NoAnswer, CallEndedBy.FarEnd, 480, "FAILURE", "CALLEE", "2001")]
    [InlineData("outbound", CallStatus.Busy, CallEndedBy.FarEnd, 486, "FAILURE", "CALLEE", "2002")]
    [InlineData("outbound", CallStatus.Failed, CallEndedBy.FarEnd, 404, "FAILURE", "CALLEE", "2003")]
    [InlineData("outbound", CallStatus.Completed, CallEndedBy.Server, null, "SUCCESS", "SYSTEM", "2009")]
    [InlineData("outbound", CallStatus.Failed, null, null, "FAILURE", "SYSTEM", "2009")]
    public void Of_NamesStatusWhoAndCode(string direction, CallStatus status, CallEndedBy? endedBy, int? sipStatus, string expectedStatus, string droppedBy, string code)
    {
        var call = new CallSnapshot("CA1", "AC1", "+1", "+2", null, status, At, null, At) { Direction = direction };

        var cause = DropCause.Of(new CallStatusChanged(call, At, sipStatus, "why") { EndedBy = endedBy });

        Assert.Equal((expectedStatus, droppedBy, code), (cause.Status, cause.DroppedBy, cause.Code));
    }

    [Fact]
    public void OfUnanswered_QuotesTheSipStatusOfAFailure()
    {
        Assert.Equal("Call failed (SIP 503)", DropCause.OfUnanswered(CallStatus.Failed, 503).Message);
    }
}
