using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class TelephoneEventTests
{
    [Fact]
    public void Parse_ReadsEventEndVolumeAndDuration()
    {
        Assert.True(TelephoneEvent.TryParse(Convert.FromHexString("018a08c0"), out var e));

        Assert.Equal(1, e.Event);
        Assert.True(e.End);
        Assert.Equal(10, e.Volume);
        Assert.Equal(0x08C0, e.Duration);
    }

    [Fact]
    public void Parse_RejectsShortPayload() => Assert.False(TelephoneEvent.TryParse(new byte[3], out _));

    [Fact]
    public void Write_RoundTrips()
    {
        var buffer = new byte[4];
        Assert.True(new TelephoneEvent(11, true, 63, 1600).TryWrite(buffer));
        Assert.True(TelephoneEvent.TryParse(buffer, out var parsed));
        Assert.Equal(new TelephoneEvent(11, true, 63, 1600), parsed);
    }
}
