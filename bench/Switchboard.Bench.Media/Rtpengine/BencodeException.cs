namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>Input that is not bencode, or that ends inside a value.</summary>
internal sealed class BencodeException(string reason, int offset)
    : Exception($"malformed bencode at byte {offset}: {reason}")
{
    public int Offset { get; } = offset;
}
