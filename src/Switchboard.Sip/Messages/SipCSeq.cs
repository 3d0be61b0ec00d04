using System.Buffers.Text;

namespace Switchboard.Sip.Messages;

/// <summary>The CSeq header: a sequence number and the method it numbers (RFC 3261 §20.16).</summary>
public readonly record struct SipCSeq(uint Number, SipMethod Method)
{
    public static bool TryParse(ReadOnlySpan<byte> value, out SipCSeq cseq)
    {
        cseq = default;
        value = SipSyntax.Trim(value);
        var space = value.IndexOfAny((byte)' ', (byte)'\t');
        if (space <= 0 || space > 10)
        {
            return false;
        }

        if (!Utf8Parser.TryParse(value[..space], out uint number, out var consumed) || consumed != space)
        {
            return false;
        }

        var method = SipSyntax.Trim(value[space..]);
        if (method.IsEmpty || !SipSyntax.IsToken(method))
        {
            return false;
        }

        cseq = new SipCSeq(number, SipMethod.FromToken(method));
        return true;
    }

    public override string ToString() => $"{Number} {Method.Name}";
}
