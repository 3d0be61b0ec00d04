using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Testing.Http;

/// <summary>Reads HTTP/1.1 requests off a connection as the raw test servers receive them (bodies need a Content-Length).</summary>
internal static class HttpRequestReader
{
    /// <summary>One request, or null when the client closed first; bytes past it stay in <paramref name="buffered"/>.</summary>
    public static async Task<RecordedHttpRequest?> ReadAsync(NetworkStream stream, List<byte> buffered, CancellationToken token)
    {
        var chunk = new byte[16 * 1024];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffered)) < 0)
        {
            var read = await stream.ReadAsync(chunk, token);
            if (read == 0)
            {
                return null;
            }

            buffered.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. buffered.Take(headEnd)]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {value}" : value;
        }

        var length = headers.TryGetValue("Content-Length", out var announced) ? int.Parse(announced, CultureInfo.InvariantCulture) : 0;
        while (buffered.Count < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(chunk, token);
            if (read == 0)
            {
                return null;
            }

            buffered.AddRange(chunk.AsSpan(0, read));
        }

        var body = buffered.GetRange(headEnd + 4, length).ToArray();
        buffered.RemoveRange(0, headEnd + 4 + length);
        return new RecordedHttpRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static int IndexOfHeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
