using Switchboard.Media.Rtp;

namespace Switchboard.Media.Tests.Rtp;

public sealed class RtpHeaderTests
{
    [Fact]
    public void WriteThenParse_RoundTripsEveryField()
    {
        var packet = new byte[12 + 160];
        var written = new RtpHeader(marker: true, payloadType: 8, sequenceNumber: 0xBEEF, timestamp: 0xDEADBEEF, ssrc: 0x01020304)
            .WriteTo(packet);

        Assert.Equal(12, written);
        Assert.Equal(RtpParseStatus.Success, RtpHeader.TryParse(packet, out var header));
        Assert.Equal(2, header.Version);
        Assert.True(header.Marker);
        Assert.Equal(8, header.PayloadType);
        Assert.Equal(0xBEEF, header.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, header.Timestamp);
        Assert.Equal(0x01020304u, header.Ssrc);
        Assert.Equal(12, header.HeaderLength);
        Assert.Equal(160, header.PayloadLength);
    }

    [Fact]
    public void Parse_ReadsTheFirstPacketOfTheDtmfCapture()
    {
        var bytes = Convert.FromHexString("80e51f30000033e00e05384e010a0000");

        Assert.Equal(RtpParseStatus.Success, RtpHeader.TryParse(bytes, out var header));
        Assert.True(header.Marker);
        Assert.Equal(101, header.PayloadType);
        Assert.Equal(0x1F30, header.SequenceNumber);
        Assert.Equal(0x33E0u, header.Timestamp);
        Assert.Equal(0x0E05384Eu, header.Ssrc);
        Assert.Equal(4, header.PayloadLength);
    }

    [Fact]
    public void Parse_SkipsCsrcsAndExtensionAndStripsPadding()
    {
        // V=2 P=1 X=1 CC=2; two CSRCs; extension of one word; 3 payload bytes; 2 padding bytes.
        var bytes = Convert.FromHexString(
            "B200" + "0001" + "00000002" + "00000003" + "11111111" + "22222222" + "BEDE0001" + "AABBCCDD" + "010203" + "0002");

        Assert.Equal(RtpParseStatus.Success, RtpHeader.TryParse(bytes, out var header));
        Assert.True(header.Padding);
        Assert.True(header.Extension);
        Assert.Equal(2, header.CsrcCount);
        Assert.Equal(12 + 8 + 8, header.HeaderLength);
        Assert.Equal(3, header.PayloadLength);
        Assert.Equal(new byte[] { 1, 2, 3 }, bytes.AsSpan(header.HeaderLength, header.PayloadLength).ToArray());
    }

    [Theory]
    [InlineData("", RtpParseStatus.TooShort)]
    [InlineData("8000000100000002000000", RtpParseStatus.TooShort)]
    [InlineData("400000010000000200000003", RtpParseStatus.BadVersion)]
    [InlineData("C00000010000000200000003", RtpParseStatus.BadVersion)]
    [InlineData("820000010000000200000003000000", RtpParseStatus.TruncatedHeader)]
    [InlineData("900000010000000200000003BEDE", RtpParseStatus.TruncatedHeader)]
    [InlineData("900000010000000200000003BEDE0002AABBCCDD", RtpParseStatus.TruncatedHeader)]
    [InlineData("A0000001000000020000000301020300", RtpParseStatus.BadPadding)]
    [InlineData("A0000001000000020000000301020309", RtpParseStatus.BadPadding)]
    public void Parse_RejectsMalformedPacketsWithAReason(string hex, RtpParseStatus expected)
    {
        Assert.Equal(expected, RtpHeader.TryParse(Convert.FromHexString(hex), out _));
    }

    [Fact]
    public void Parse_NeverThrowsOnAnyTruncationOfAValidPacket()
    {
        var bytes = Convert.FromHexString("B20000010000000200000003111111112222222201020304");
        for (var length = 0; length < bytes.Length; length++)
        {
            var status = RtpHeader.TryParse(bytes.AsSpan(0, length), out _);
            Assert.NotEqual(RtpParseStatus.Success, status);
        }
    }

    [Fact]
    public void Write_ReturnsZeroWhenTheBufferIsTooSmall()
    {
        Assert.Equal(0, new RtpHeader(false, 0, 1, 2, 3).WriteTo(new byte[11]));
    }
}
