using System.Buffers;
using System.Text;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Transport;

public class SipStreamFramerTests
{
    private const string Head =
        "MESSAGE sip:a@b SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK1\r\n" +
        "From: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: 1\r\nCSeq: 1 MESSAGE\r\n";

    private static readonly byte[] First = Encoding.ASCII.GetBytes(Head + "Content-Length: 5\r\n\r\nhello");
    private static readonly byte[] Second = Encoding.ASCII.GetBytes(Head.Replace("CSeq: 1", "CSeq: 2", StringComparison.Ordinal) + "l: 0\r\n\r\n");

    private static bool Read(ReadOnlySequence<byte> input, out ReadOnlySequence<byte> message, out SipParseError? error, out long consumed)
    {
        var reader = new SequenceReader<byte>(input);
        var found = SipStreamFramer.TryReadMessage(ref reader, out message, out error);
        consumed = reader.Consumed;
        return found;
    }

    [Fact]
    public void TryReadMessage_EveryPrefixOfOneMessage_ConsumesNothingUntilComplete()
    {
        for (var length = 0; length < First.Length; length++)
        {
            Assert.False(Read(new ReadOnlySequence<byte>(First, 0, length), out _, out var error, out var consumed), $"prefix {length}");
            Assert.Null(error);
            Assert.Equal(0, consumed);
        }

        Assert.True(Read(new ReadOnlySequence<byte>(First), out var message, out _, out var all));
        Assert.Equal(First, message.ToArray());
        Assert.Equal(First.Length, all);
        Assert.True(SipParser.Parse(message.ToArray()).IsSuccess);
    }

    [Fact]
    public void TryReadMessage_EveryPrefixOfTwoJoinedMessages_ReadsEachOnlyWhenComplete()
    {
        byte[] joined = [.. First, .. Second];
        for (var length = 0; length <= joined.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(joined, 0, length));
            var messages = new List<byte[]>();
            while (SipStreamFramer.TryReadMessage(ref reader, out var message, out var error))
            {
                Assert.Null(error);
                messages.Add(message.ToArray());
            }

            var expected = length < First.Length ? 0 : length < joined.Length ? 1 : 2;
            Assert.Equal(expected, messages.Count);
            Assert.Equal(expected switch { 0 => 0, 1 => First.Length, _ => joined.Length }, reader.Consumed);
            if (expected > 0)
            {
                Assert.Equal(First, messages[0]);
            }

            if (expected > 1)
            {
                Assert.Equal(Second, messages[1]);
            }
        }
    }

    [Fact]
    public void TryReadMessage_MessageSplitIntoTwoSegmentsAtEveryPosition_ReadsItWhole()
    {
        byte[] joined = [.. First, .. Second];
        for (var split = 0; split <= joined.Length; split++)
        {
            var input = SegmentedSequence.Create(joined[..split], joined[split..]);
            var reader = new SequenceReader<byte>(input);

            Assert.True(SipStreamFramer.TryReadMessage(ref reader, out var first, out _), $"split {split}");
            Assert.True(SipStreamFramer.TryReadMessage(ref reader, out var second, out _), $"split {split}");
            Assert.Equal(First, first.ToArray());
            Assert.Equal(Second, second.ToArray());
            Assert.True(reader.End);
        }
    }

    [Fact]
    public void TryReadMessage_KeepAliveCrlfs_AreSkippedBeforeAndBetweenMessages()
    {
        byte[] input = [.. "\r\n\r\n"u8, .. First, .. "\r\n"u8, .. Second, .. "\r\n\r\n"u8];
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));

        Assert.True(SipStreamFramer.TryReadMessage(ref reader, out var first, out _));
        Assert.True(SipStreamFramer.TryReadMessage(ref reader, out var second, out _));
        Assert.False(SipStreamFramer.TryReadMessage(ref reader, out _, out var error));

        Assert.Equal(First, first.ToArray());
        Assert.Equal(Second, second.ToArray());
        Assert.Null(error);
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("", "Missing Content-Length, required on stream transports")]
    [InlineData("X-Content-Length: 5\r\n", "Missing Content-Length, required on stream transports")]
    [InlineData("Content-Length: 5\r\nl: 6\r\n", "Conflicting Content-Length headers")]
    public void TryReadMessage_WithoutOneContentLength_IsAFramingError(string lengthHeaders, string reason)
    {
        var input = Encoding.ASCII.GetBytes(Head + lengthHeaders + "\r\nhello");

        Assert.False(Read(new ReadOnlySequence<byte>(input), out _, out var error, out var consumed));

        Assert.Equal(SipParseErrorKind.Framing, error!.Kind);
        Assert.Equal(reason, error.Reason);
        Assert.Equal(0, consumed);
    }

    [Theory]
    [InlineData("Content-Length: 99999999999999999999\r\n", SipParseErrorKind.InvalidContentLength, "Content-Length exceeds 65536 bytes")]
    [InlineData("Content-Length: 65400\r\n", SipParseErrorKind.MessageTooLarge, "Message exceeds 65536 bytes")]
    [InlineData("Content-Length: five\r\n", SipParseErrorKind.InvalidContentLength, "Invalid Content-Length")]
    public void TryReadMessage_AbsurdContentLength_IsRefusedBeforeTheBodyArrives(string lengthHeader, SipParseErrorKind kind, string reason)
    {
        var input = Encoding.ASCII.GetBytes(Head + lengthHeader + "\r\n");

        Assert.False(Read(new ReadOnlySequence<byte>(input), out _, out var error, out _));

        Assert.Equal(kind, error!.Kind);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void TryReadMessage_HeadersLongerThanMaximumWithoutEnd_AreRefusedAsTooLarge()
    {
        var input = Encoding.ASCII.GetBytes(Head + "X-Pad: " + new string('x', SipLimits.MaxMessageSize));

        Assert.False(Read(new ReadOnlySequence<byte>(input), out _, out var error, out _));

        Assert.Equal(SipParseErrorKind.MessageTooLarge, error!.Kind);
    }

    [Fact]
    public void TryReadMessage_MutatedStreams_NeverThrowAndEveryMessageIsWithinTheInput()
    {
        var random = new Random(12345);
        var mutator = new SipMutator(random);
        byte[] seed = [.. First, .. "\r\n"u8, .. Second];
        for (var i = 0; i < 20_000; i++)
        {
            var input = mutator.Mutate(seed);
            var split = random.Next(input.Length + 1);
            var reader = new SequenceReader<byte>(SegmentedSequence.Create(input[..split], input[split..]));
            long framed = 0;
            while (SipStreamFramer.TryReadMessage(ref reader, out var message, out _))
            {
                Assert.True(message.Length > 0);
                framed += message.Length;
                _ = SipParser.Parse(message.ToArray());
            }

            Assert.True(framed <= reader.Consumed && reader.Consumed <= input.Length, $"iteration {i}");
        }
    }
}
