using System.Buffers;
using System.Globalization;

namespace Switchboard.Webhooks.Replies;

/// <summary>
/// Reads an answer's body as it streams in, up to a limit: an application (or whoever controls a hook URL) must not be
/// able to make the server hold an answer of any size in memory. Content-Length is checked before a byte is read.
/// </summary>
internal static class BoundedAnswer
{
    private const int Chunk = 16 * 1024;

    /// <exception cref="HttpRequestException">
    /// The answer is larger than <paramref name="maxBytes"/> (<see cref="HttpRequestError.ConfigurationLimitExceeded"/>),
    /// or the connection failed while it was read.
    /// </exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } announced && announced > maxBytes)
        {
            throw TooLarge($"its Content-Length of {announced.ToString(CultureInfo.InvariantCulture)} bytes", maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var expected = (int)Math.Min(content.Headers.ContentLength ?? Chunk, maxBytes);
            using var body = new MemoryStream(expected);
            var chunk = ArrayPool<byte>.Shared.Rent(Chunk);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk.AsMemory(0, Chunk), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > maxBytes)
                    {
                        throw TooLarge("the body", maxBytes);
                    }

                    body.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return body.ToArray();
        }
    }

    private static HttpRequestException TooLarge(string what, long maxBytes) =>
        new(HttpRequestError.ConfigurationLimitExceeded,
            $"the answer is too large: {what} exceeds the {maxBytes.ToString(CultureInfo.InvariantCulture)}-byte limit (SWITCHBOARD_WEBHOOK_MAX_ANSWER_BYTES)");
}
