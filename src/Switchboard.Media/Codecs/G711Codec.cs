namespace Switchboard.Media.Codecs;

/// <summary>
/// One of the two G.711 laws as negotiated in SDP: its static payload type and rtpmap name (RFC 3551 §6,
/// Table 4) and span-based encode/decode through the lookup tables.
/// </summary>
public sealed class G711Codec
{
    /// <summary>µ-law, static payload type 0.</summary>
    public static readonly G711Codec Pcmu = new("PCMU", 0, MuLaw.Silence, MuLaw.EncodeTable, MuLaw.DecodeTable);

    /// <summary>A-law, static payload type 8.</summary>
    public static readonly G711Codec Pcma = new("PCMA", 8, ALaw.Silence, ALaw.EncodeTable, ALaw.DecodeTable);

    /// <summary>G.711 runs at 8,000 samples per second, one byte per sample (RFC 3551 §4.5.14).</summary>
    public const int ClockRate = 8000;

    private readonly byte[] _encodeTable;
    private readonly short[] _decodeTable;

    private G711Codec(string name, int payloadType, byte silence, byte[] encodeTable, short[] decodeTable)
    {
        Name = name;
        PayloadType = payloadType;
        SilenceByte = silence;
        _encodeTable = encodeTable;
        _decodeTable = decodeTable;
    }

    /// <summary>The encoding name used in <c>a=rtpmap</c>.</summary>
    public string Name { get; }

    /// <summary>The static RTP payload type.</summary>
    public int PayloadType { get; }

    /// <summary>The encoded value of a zero sample.</summary>
    public byte SilenceByte { get; }

    public void Encode(ReadOnlySpan<short> samples, Span<byte> destination) => G711Tables.Encode(_encodeTable, samples, destination);

    public void Decode(ReadOnlySpan<byte> encoded, Span<short> destination) => G711Tables.Decode(_decodeTable, encoded, destination);

    /// <summary>Finds the codec for an rtpmap encoding name (case-insensitive, RFC 4566 §6), or null.</summary>
    public static G711Codec? FromName(ReadOnlySpan<char> name) =>
        name.Equals("PCMU", StringComparison.OrdinalIgnoreCase) ? Pcmu
        : name.Equals("PCMA", StringComparison.OrdinalIgnoreCase) ? Pcma
        : null;

    /// <summary>Finds the codec for a static payload type, or null.</summary>
    public static G711Codec? FromStaticPayloadType(int payloadType) => payloadType switch
    {
        0 => Pcmu,
        8 => Pcma,
        _ => null,
    };

    public override string ToString() => Name;
}
