using Switchboard.Media.Dtmf;
using Switchboard.Media.Rtp;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Dtmf;

public sealed class DtmfEventDetectorTests
{
    [Theory]
    [InlineData("1", '1')]
    [InlineData("0", '0')]
    [InlineData("9", '9')]
    [InlineData("star", '*')]
    [InlineData("pound", '#')]
    public void SipTesterCapture_YieldsExactlyOneDigit(string capture, char expected)
    {
        var digits = Feed(PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture(capture)));

        var digit = Assert.Single(digits);
        Assert.Equal(expected, digit.Key);
    }

    [Fact]
    public void SipTesterCapture_ReportsTheDurationOfTheEndPacket()
    {
        var digit = Assert.Single(Feed(PcapReader.ReadUdpPayloads(PcapReader.DtmfCapture("1"))));

        Assert.Equal(0x08C0 / 8, digit.DurationMilliseconds);
    }

    [Fact]
    public void LostEndPackets_ReportThePreviousDigitWhenANewEventStarts()
    {
        var detector = new DtmfEventDetector();
        var output = new DtmfDigit[2];

        Assert.Equal(0, detector.Accept(1000, new TelephoneEvent(5, false, 10, 160), output));
        Assert.Equal(0, detector.Accept(1000, new TelephoneEvent(5, false, 10, 320), output));
        Assert.Equal(1, detector.Accept(5000, new TelephoneEvent(7, false, 10, 160), output));
        Assert.Equal(new DtmfDigit('5', 40), output[0]);
        Assert.Equal(1, detector.Accept(5000, new TelephoneEvent(7, true, 10, 800), output));
        Assert.Equal(new DtmfDigit('7', 100), output[0]);
        Assert.Equal(0, detector.Accept(5000, new TelephoneEvent(7, true, 10, 800), output));
    }

    [Fact]
    public void SameDigitTwice_IsReportedTwiceBecauseTheTimestampsDiffer()
    {
        var detector = new DtmfEventDetector();
        var output = new DtmfDigit[2];

        Assert.Equal(1, detector.Accept(100, new TelephoneEvent(3, true, 10, 800), output));
        Assert.Equal(0, detector.Accept(100, new TelephoneEvent(3, true, 10, 800), output));
        Assert.Equal(1, detector.Accept(2000, new TelephoneEvent(3, true, 10, 800), output));
    }

    [Theory]
    [InlineData(10, '*')]
    [InlineData(11, '#')]
    [InlineData(12, 'A')]
    [InlineData(15, 'D')]
    public void KeyOf_MapsRfc4733EventCodes(byte code, char key) => Assert.Equal(key, DtmfEventDetector.KeyOf(code));

    [Fact]
    public void NonDtmfEvents_AreNotReported()
    {
        var detector = new DtmfEventDetector();
        Assert.Equal(0, detector.Accept(100, new TelephoneEvent(16, true, 10, 800), new DtmfDigit[2]));
    }

    private static List<DtmfDigit> Feed(IReadOnlyList<byte[]> packets)
    {
        var detector = new DtmfEventDetector();
        var output = new DtmfDigit[2];
        var digits = new List<DtmfDigit>();
        foreach (var packet in packets)
        {
            Assert.Equal(RtpParseStatus.Success, RtpHeader.TryParse(packet, out var header));
            Assert.Equal(101, header.PayloadType);
            Assert.True(TelephoneEvent.TryParse(packet.AsSpan(header.HeaderLength, header.PayloadLength), out var e));
            var count = detector.Accept(header.Timestamp, e, output);
            digits.AddRange(output.AsSpan(0, count).ToArray());
        }

        return digits;
    }
}
