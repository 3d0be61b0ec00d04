using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Tests.Engine;

public sealed class CallHangupByTests
{
    [Theory]
    [InlineData(CallEndedBy.FarEnd, "inbound", "caller")]
    [InlineData(CallEndedBy.FarEnd, "outbound", "callee")]
    [InlineData(CallEndedBy.Application, "inbound", "application")]
    [InlineData(CallEndedBy.Api, "outbound", "api")]
    [InlineData(CallEndedBy.Server, "outbound", "system")]
    public void TheFarEnd_IsNamedForItsSideOfTheCall(CallEndedBy endedBy, string direction, string expected) =>
        Assert.Equal(expected, CallHangupBy.Of(endedBy, direction));

    [Fact]
    public void AFinalStatusWithoutAnEnder_NamesNobody() => Assert.Null(CallHangupBy.Of(null, "outbound"));
}
