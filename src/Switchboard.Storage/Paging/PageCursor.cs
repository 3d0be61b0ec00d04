using System.Buffers.Binary;
using System.Buffers.Text;

namespace Switchboard.Storage.Paging;

/// <summary>
/// Listings are keyset-paged on the row's insertion order. A cursor carries the position of the last item
/// returned, encoded so clients treat it as a token rather than a number to do arithmetic on.
/// </summary>
public static class PageCursor
{
    public static string Encode(long position)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, position);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position a cursor stands for; false for anything <see cref="Encode"/> did not produce.</summary>
    public static bool TryDecode(string cursor, out long position)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        position = 0;
        // TryDecodeFromChars throws on a character outside the base64url alphabet; IsValid answers without throwing.
        if (cursor.Length != 11
            || !Base64Url.IsValid(cursor, out var length)
            || length != sizeof(long)
            || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written)
            || written != sizeof(long))
        {
            return false;
        }

        position = BinaryPrimitives.ReadInt64BigEndian(bytes);
        return position > 0;
    }
}
