using System.Net;
using Switchboard.Media.Codecs;
using Switchboard.Media.Sdp;

namespace Switchboard.Media.Tests.Sdp;

public sealed class SdpNegotiatorTests
{
    [Fact]
    public void Offer_ListsPcmuPcmaAndTelephoneEvent()
    {
        var offer = SdpNegotiator.BuildOffer("192.0.2.10", 20000, 42, 1);

        Assert.Equal(
            "v=0\r\no=- 42 1 IN IP4 192.0.2.10\r\ns=Switchboard\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
            + "m=audio 20000 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n"
            + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n",
            offer);
    }

    [Fact]
    public void Offer_ParsesBackAndNegotiatesAsPcmu()
    {
        var result = SdpNegotiator.Negotiate(SdpNegotiator.BuildOffer("192.0.2.10", 20000, 42, 1));

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Same(G711Codec.Pcmu, result.Media.Codec);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 20000), result.Media.RemoteEndPoint);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
    }

    [Fact]
    public void Answer_PicksTheFirstSupportedPayloadInTheAnswersOrder()
    {
        const string answer = "v=0\r\no=peer 1 1 IN IP4 198.51.100.1\r\ns=-\r\nc=IN IP4 198.51.100.1\r\nt=0 0\r\n"
            + "m=audio 30000 RTP/AVP 18 8 0 96\r\na=rtpmap:18 G729/8000\r\na=rtpmap:96 telephone-event/8000\r\n"
            + "a=fmtp:96 0-15\r\na=sendrecv\r\n";

        var result = SdpNegotiator.Negotiate(answer);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Same(G711Codec.Pcma, result.Media.Codec);
        Assert.Equal(8, result.Media.PayloadType);
        Assert.Equal(96, result.Media.TelephoneEventPayloadType);
        Assert.Equal(30000, result.Media.RemoteEndPoint.Port);
        Assert.Equal(MediaDirection.SendReceive, result.Media.RemoteDirection);
    }

    [Fact]
    public void Answer_MediaLevelConnectionOverridesSessionLevel_AndLfLineEndsAreAccepted()
    {
        const string answer = "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\n"
            + "m=audio 4000 RTP/AVP 0\nc=IN IP4 10.0.0.2\na=recvonly\n";

        var result = SdpNegotiator.Negotiate(answer);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(IPAddress.Parse("10.0.0.2"), result.Media.RemoteEndPoint.Address);
        Assert.Null(result.Media.TelephoneEventPayloadType);
        Assert.Equal(MediaDirection.ReceiveOnly, result.Media.RemoteDirection);
    }

    [Fact]
    public void Answer_CodecByRtpmapNameUnderADynamicNumber_IsAccepted()
    {
        const string answer = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 110\r\na=rtpmap:110 pcmu/8000\r\n";

        var result = SdpNegotiator.Negotiate(answer);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Same(G711Codec.Pcmu, result.Media.Codec);
        Assert.Equal(110, result.Media.PayloadType);
    }

    [Theory]
    [InlineData("v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 18 9\r\n", SdpFailure.NoCommonCodec)]
    [InlineData("v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 0 RTP/AVP 0\r\n", SdpFailure.AudioRejected)]
    [InlineData("v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 4000 RTP/AVP 31\r\n", SdpFailure.NoAudio)]
    [InlineData("v=0\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", SdpFailure.NoConnectionAddress)]
    [InlineData("v=0\r\nc=IN IP4 pbx.example.com\r\nm=audio 4000 RTP/AVP 0\r\n", SdpFailure.NoConnectionAddress)]
    [InlineData("this is not sdp", SdpFailure.Malformed)]
    [InlineData("v=0\r\nm=audio port RTP/AVP 0\r\n", SdpFailure.Malformed)]
    [InlineData("", SdpFailure.Malformed)]
    public void UnusableAnswer_IsATypedFailureWithAReason(string sdp, SdpFailure expected)
    {
        var result = SdpNegotiator.Negotiate(sdp);

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Failure);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void AnswerToAnOffer_EchoesTheirTelephoneEventNumberAndMirrorsDirection()
    {
        const string offer = "v=0\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8 97\r\n"
            + "a=rtpmap:97 telephone-event/8000\r\na=sendonly\r\n";
        var negotiated = SdpNegotiator.Negotiate(offer);
        Assert.True(negotiated.IsSuccess);

        var answer = SdpNegotiator.BuildAnswer("127.0.0.2", 20002, 7, 1, negotiated.Media);

        Assert.Contains("m=audio 20002 RTP/AVP 8 97\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=rtpmap:97 telephone-event/8000\r\n", answer, StringComparison.Ordinal);
        Assert.Contains("a=recvonly\r\n", answer, StringComparison.Ordinal);
        Assert.True(SdpNegotiator.Negotiate(answer).IsSuccess);
    }
}
