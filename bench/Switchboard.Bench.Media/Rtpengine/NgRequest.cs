using System.Buffers;
using System.Text;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// One request of rtpengine's ng control protocol as it goes on the wire: a cookie, one space, and a bencoded
/// dictionary whose <c>command</c> key names the request. The reply starts with the same cookie; a request
/// sent again with its cookie unchanged is a retransmission, which rtpengine answers from its cache instead
/// of acting twice.
/// </summary>
internal sealed class NgRequest
{
    private readonly ArrayBufferWriter<byte> _wire = new(1024);
    private readonly BencodeWriter _writer;

    public NgRequest(string cookie, string command)
    {
        Cookie = Encoding.ASCII.GetBytes(cookie + " ");
        Command = command;
        _wire.Write(Cookie);
        _writer = new BencodeWriter(_wire);
        _writer.StartDictionary();
        Add("command"u8, command);
    }

    /// <summary>The cookie and the space after it: how the reply begins.</summary>
    public byte[] Cookie { get; }

    public string Command { get; }

    public NgRequest Add(ReadOnlySpan<byte> key, string value)
    {
        _writer.WriteString(key);
        _writer.WriteString(value);
        return this;
    }

    public NgRequest AddList(ReadOnlySpan<byte> key, params ReadOnlySpan<string> values)
    {
        _writer.WriteString(key);
        _writer.StartList();
        foreach (var value in values)
        {
            _writer.WriteString(value);
        }

        _writer.End();
        return this;
    }

    /// <summary>Closes the dictionary; the request takes no more keys after this.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        _writer.End();
        return _wire.WrittenMemory;
    }
}
