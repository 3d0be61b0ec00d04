using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

/// <summary>
/// A server on 127.0.0.1 that streams 50 MB of "audio": the fetcher refuses it at its Content-Length, or stops reading
/// at its limit when there is none, and the server manages to write no more than the limit and socket buffers take.
/// </summary>
public sealed class AudioFetcherLargeBodyTests
{
    private const long FiftyMegabytes = 50L * 1024 * 1024;

    /// <summary>The fetcher's limit here, plus what loopback socket buffers may take in beyond what it reads.</summary>
    private const long Bounded = 1_000_000 + (12L * 1024 * 1024);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FiftyMegabytesOfAudio_AreRefused_WithoutBeingRead(bool announceLength)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var written = 0L;
        var serving = ServeAsync(listener, announceLength, count => Interlocked.Add(ref written, count));
        using var http = new HttpClient();
        var fetcher = new AudioFetcher(http, new AudioFetcherOptions { MaxBytes = 1_000_000 }, TimeProvider.System, NullLogger<AudioFetcher>.Instance);

        var result = await fetcher.FetchAsync($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/huge.wav", CancellationToken.None);
        await serving.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(AudioFetchError.TooLarge, result.Error);
        Assert.Contains("1000000-byte limit", result.Detail, StringComparison.Ordinal);
        Assert.InRange(Interlocked.Read(ref written), 0, Bounded);
    }

    /// <summary>Answers one request with the body in 64 KiB writes until it is all sent or the client goes away.</summary>
    private static async Task ServeAsync(TcpListener listener, bool announceLength, Action<int> wrote)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var request = new byte[4096];
        var seen = new StringBuilder();
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(request);
            if (read == 0)
            {
                return;
            }

            seen.Append(Encoding.ASCII.GetString(request, 0, read));
        }

        var length = announceLength ? $"Content-Length: {FiftyMegabytes}\r\n" : "Connection: close\r\n";
        var chunk = new byte[64 * 1024];
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\n{length}\r\n"));
            for (long sent = 0; sent < FiftyMegabytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
                wrote(chunk.Length);
            }
        }
        catch (IOException)
        {
            // The fetcher closed the connection: what it refused to read.
        }
    }
}
