using System.Text;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// The keys of an ng reply this bench reads: <c>result</c> (<c>ok</c>, <c>pong</c> or <c>error</c>), the
/// <c>error-reason</c> that comes with an error, a non-fatal <c>warning</c>, and the rewritten <c>sdp</c> of an
/// offer or answer. Other keys (a delete's call statistics, for one) are skipped.
/// </summary>
internal sealed record NgReply(string Result, string? ErrorReason, string? Warning, string? Sdp)
{
    public bool IsSuccess => Result is "ok" or "pong";

    /// <summary>Reads <paramref name="dictionary"/>, the bencoded part of a reply after its cookie.</summary>
    public static NgReply Parse(ReadOnlySpan<byte> dictionary)
    {
        var reader = new BencodeReader(dictionary);
        if (!reader.Read() || reader.Token != BencodeToken.DictionaryStart)
        {
            throw new BencodeException("an ng reply is a dictionary", 0);
        }

        string? result = null, errorReason = null, warning = null, sdp = null;
        while (reader.Read() && reader.Token != BencodeToken.End)
        {
            if (reader.Token != BencodeToken.String)
            {
                throw new BencodeException("a dictionary key is a string", 0);
            }

            var key = reader.ValueSpan;
            if (!reader.Read())
            {
                throw new BencodeException("a key has no value", dictionary.Length);
            }

            if (reader.Token != BencodeToken.String)
            {
                reader.Skip();
                continue;
            }

            if (key.SequenceEqual("result"u8))
            {
                result = Encoding.UTF8.GetString(reader.ValueSpan);
            }
            else if (key.SequenceEqual("error-reason"u8))
            {
                errorReason = Encoding.UTF8.GetString(reader.ValueSpan);
            }
            else if (key.SequenceEqual("warning"u8))
            {
                warning = Encoding.UTF8.GetString(reader.ValueSpan);
            }
            else if (key.SequenceEqual("sdp"u8))
            {
                sdp = Encoding.UTF8.GetString(reader.ValueSpan);
            }
        }

        return new NgReply(result ?? throw new BencodeException("an ng reply has a result", 0), errorReason, warning, sdp);
    }
}
