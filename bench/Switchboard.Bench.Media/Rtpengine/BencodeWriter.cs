using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// Writes bencode (BitTorrent BEP 3), the encoding of rtpengine's ng control protocol: a byte string is
/// <c>&lt;decimal length&gt;:&lt;bytes&gt;</c>, an integer <c>i&lt;decimal&gt;e</c>, a list <c>l…e</c> and a
/// dictionary <c>d…e</c> of key/value pairs whose keys are byte strings.
/// </summary>
internal sealed class BencodeWriter(IBufferWriter<byte> output)
{
    public void StartDictionary() => WriteByte((byte)'d');

    public void StartList() => WriteByte((byte)'l');

    /// <summary>Ends the innermost open list or dictionary.</summary>
    public void End() => WriteByte((byte)'e');

    public void WriteString(ReadOnlySpan<byte> value)
    {
        WriteDecimal(value.Length);
        WriteByte((byte)':');
        output.Write(value);
    }

    /// <summary>Writes <paramref name="value"/> as a byte string of its UTF-8 encoding.</summary>
    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteDecimal(length);
        WriteByte((byte)':');
        output.Advance(Encoding.UTF8.GetBytes(value, output.GetSpan(length)));
    }

    public void WriteInteger(long value)
    {
        WriteByte((byte)'i');
        WriteDecimal(value);
        WriteByte((byte)'e');
    }

    private void WriteDecimal(long value)
    {
        if (!Utf8Formatter.TryFormat(value, output.GetSpan(20), out var written))
        {
            throw new InvalidOperationException("a 64-bit decimal takes at most 20 bytes");
        }

        output.Advance(written);
    }

    private void WriteByte(byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
