using System.Buffers.Text;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// Reads bencode (BitTorrent BEP 3) one token at a time, without allocating: byte strings and integers come
/// back as <see cref="ValueSpan"/> and <see cref="IntegerValue"/>, lists and dictionaries as start and end
/// tokens. Malformed or truncated input raises a <see cref="BencodeException"/>. Dictionary keys are taken in
/// the order they come: rtpengine does not sort them as BEP 3 asks.
/// </summary>
internal ref struct BencodeReader(ReadOnlySpan<byte> input)
{
    private readonly ReadOnlySpan<byte> _input = input;
    private int _position;

    public BencodeToken Token { get; private set; }

    /// <summary>The bytes of the string just read.</summary>
    public ReadOnlySpan<byte> ValueSpan { get; private set; }

    /// <summary>The value of the integer just read.</summary>
    public long IntegerValue { get; private set; }

    /// <summary>Reads the next token; false at the end of the input.</summary>
    public bool Read()
    {
        ValueSpan = default;
        if (_position >= _input.Length)
        {
            Token = BencodeToken.None;
            return false;
        }

        var lead = _input[_position];
        if (lead is (byte)'d' or (byte)'l' or (byte)'e')
        {
            Token = lead switch
            {
                (byte)'d' => BencodeToken.DictionaryStart,
                (byte)'l' => BencodeToken.ListStart,
                _ => BencodeToken.End,
            };
            _position++;
            return true;
        }

        switch (lead)
        {
            case (byte)'i':
                Token = BencodeToken.Integer;
                IntegerValue = ReadDecimalUntil((byte)'e', _position + 1);
                break;
            case >= (byte)'0' and <= (byte)'9':
                Token = BencodeToken.String;
                var length = ReadDecimalUntil((byte)':', _position);
                if (length > _input.Length - _position)
                {
                    throw new BencodeException($"a string of {length} bytes runs past the end", _position);
                }

                ValueSpan = _input.Slice(_position, (int)length);
                _position += (int)length;
                break;
            default:
                throw new BencodeException($"unexpected byte 0x{lead:x2}", _position);
        }

        return true;
    }

    /// <summary>
    /// Moves past the value whose first token was just read: for a list or dictionary, past its end.
    /// </summary>
    public void Skip()
    {
        if (Token is not (BencodeToken.DictionaryStart or BencodeToken.ListStart))
        {
            return;
        }

        for (var depth = 1; depth > 0;)
        {
            if (!Read())
            {
                throw new BencodeException("a list or dictionary is not closed", _position);
            }

            depth += Token switch
            {
                BencodeToken.DictionaryStart or BencodeToken.ListStart => 1,
                BencodeToken.End => -1,
                _ => 0,
            };
        }
    }

    /// <summary>Parses the decimal from <paramref name="from"/> up to <paramref name="terminator"/>, and moves past it.</summary>
    private long ReadDecimalUntil(byte terminator, int from)
    {
        var end = _input[from..].IndexOf(terminator);
        if (end < 0)
        {
            throw new BencodeException($"no '{(char)terminator}' ends the number", from);
        }

        if (!Utf8Parser.TryParse(_input.Slice(from, end), out long value, out var consumed) || consumed != end)
        {
            throw new BencodeException("not a decimal number", from);
        }

        _position = from + end + 1;
        return value;
    }
}
