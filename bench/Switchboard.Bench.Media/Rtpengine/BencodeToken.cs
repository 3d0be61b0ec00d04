namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>What <see cref="BencodeReader.Read"/> found.</summary>
internal enum BencodeToken
{
    None,
    DictionaryStart,
    ListStart,
    End,
    String,
    Integer,
}
