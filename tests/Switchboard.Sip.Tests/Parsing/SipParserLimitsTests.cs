using System.Text;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Parsing;

public class SipParserLimitsTests
{
    private const string Head =
        "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bK1\r\n" +
        "From: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: 1\r\nCSeq: 1 MESSAGE\r\n";

    private static SipParseResult Parse(string text) => SipParser.Parse(Encoding.UTF8.GetBytes(text));

    private static string WithBodyOfTotalSize(int totalSize)
    {
        var prefix = Head + "Content-Length: 00000\r\n\r\n";
        var bodyLength = totalSize - prefix.Length;
        return Head + $"Content-Length: {bodyLength:D5}\r\n\r\n" + new string('x', bodyLength);
    }

    [Fact]
    public void Parse_MessageOfExactlyMaximumSize_IsAccepted()
    {
        var text = WithBodyOfTotalSize(SipLimits.MaxMessageSize);

        var result = Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        Assert.Equal(SipLimits.MaxMessageSize, Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public void Parse_MessageOneByteOverMaximumSize_IsRefusedAsTooLarge()
    {
        var result = Parse(WithBodyOfTotalSize(SipLimits.MaxMessageSize + 1));

        Assert.Null(result.Message);
        Assert.Equal(SipParseErrorKind.MessageTooLarge, result.Error!.Kind);
        Assert.Equal("Message exceeds 65536 bytes", result.Error.Reason);
    }

    [Fact]
    public void Parse_MaximumHeaderLines_IsAccepted()
    {
        var text = Head + string.Concat(Enumerable.Repeat("X-Pad: 1\r\n", SipLimits.MaxHeaderLines - 5)) + "\r\n";

        var result = Parse(text);

        Assert.True(result.IsSuccess, result.Error?.Reason);
        Assert.Equal(SipLimits.MaxHeaderLines, result.Message.Headers.Count);
    }

    [Theory]
    [InlineData("X-Pad: 1\r\n")]
    [InlineData(" folded\r\n")]
    public void Parse_OneHeaderLineOverMaximum_IsRefusedAsTooManyHeaders(string extraLine)
    {
        var text = Head + string.Concat(Enumerable.Repeat("X-Pad: 1\r\n", SipLimits.MaxHeaderLines - 5)) + extraLine + "\r\n";

        var result = Parse(text);

        Assert.Null(result.Message);
        Assert.Equal(SipParseErrorKind.TooManyHeaders, result.Error!.Kind);
        Assert.Equal("More than 256 header lines", result.Error.Reason);
    }

    [Theory]
    [InlineData("65537", "Content-Length exceeds 65536 bytes")]
    [InlineData("2147483648", "Content-Length exceeds 65536 bytes")]
    [InlineData("99999999999999999999999999", "Content-Length exceeds 65536 bytes")]
    [InlineData("-1", "Invalid Content-Length")]
    [InlineData("+1", "Invalid Content-Length")]
    [InlineData("1 2", "Invalid Content-Length")]
    [InlineData("", "Invalid Content-Length")]
    [InlineData("3", "Content-Length exceeds message size")]
    public void Parse_BadOrAbsurdContentLength_IsRefusedWithReason(string value, string reason)
    {
        var result = Parse(Head + $"Content-Length: {value}\r\n\r\nhi");

        Assert.Null(result.Message);
        Assert.Equal(SipParseErrorKind.InvalidContentLength, result.Error!.Kind);
        Assert.Equal(reason, result.Error.Reason);
    }

    [Fact]
    public void Parse_ContentLengthWithLeadingZerosAndSpaces_IsAccepted()
    {
        var result = Parse(Head + "Content-Length:  0002 \r\n\r\nhi");

        Assert.True(result.IsSuccess, result.Error?.Reason);
        Assert.Equal("hi", result.Message.BodyAsString());
    }
}
