using System.Text;

namespace Switchboard.Foundation.Net;

/// <summary>
/// Reads what the start of an HTTP/1.x answer says about its connection, from the first bytes read after a request
/// (<see cref="TrackedConnectionStream"/>), before the pool can hand the connection to another request.
/// </summary>
internal static class AnswerHead
{
    /// <summary>What <paramref name="first"/>, the first bytes read after a request, tells.</summary>
    /// <returns>
    /// <see cref="AnswerStart.None"/> when they do not start with a status line (TLS records, or too few bytes);
    /// <see cref="AnswerStart.EndsConnection"/> for an HTTP/1.0 answer whose head, if it is all there, carries no
    /// <c>Connection: keep-alive</c> (RFC 9112 §9.3; a head cut short counts as ending it);
    /// <see cref="AnswerStart.Answer"/> for any other answer.
    /// </returns>
    public static AnswerStart Read(ReadOnlySpan<byte> first)
    {
        if (!first.StartsWith("HTTP/"u8))
        {
            return AnswerStart.None;
        }

        if (!first.StartsWith("HTTP/1.0 "u8))
        {
            return AnswerStart.Answer;
        }

        var end = first.IndexOf("\r\n\r\n"u8);
        return end >= 0 && KeepsAlive(first[..end]) ? AnswerStart.Answer : AnswerStart.EndsConnection;
    }

    private static bool KeepsAlive(ReadOnlySpan<byte> head)
    {
        foreach (var line in Encoding.ASCII.GetString(head).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0
                && line.AsSpan(0, colon).Trim().Equals("Connection", StringComparison.OrdinalIgnoreCase)
                && line[(colon + 1)..].Split(',').Any(token => token.Trim().Equals("keep-alive", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
