using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.Net;
using Switchboard.Media.Audio;
using Switchboard.Testing.Http;

namespace Switchboard.Media.Tests.Audio;

/// <summary>
/// Audio fetches from an HTTP/1.0 server that closes each connection a moment after answering, through the client the
/// server builds for them (<see cref="PublicAddressFilter"/> under a <see cref="ConnectionReuseHandler"/>).
/// </summary>
public sealed class AudioFetcherConnectionTests
{
    [Fact]
    public async Task FetchesAtTwentyASecond_FromAnHttp10ServerThatClosesAfterEachAnswer_AllSucceed()
    {
        // The server closes 80 ms after answering: at 20 fetches a second, each connection pooled after an answer would
        // carry the next fetch into that window and meet the close. Every URL differs, so none comes from the cache.
        await using var server = RawHttpServer.Http10(TimeSpan.FromMilliseconds(80), AudioTestServer.ShortWav, "audio/wav");
        using var http = new HttpClient(new ConnectionReuseHandler(new PublicAddressFilter(allowPrivate: true).CreateHandler()));
        var fetcher = new AudioFetcher(http, new AudioFetcherOptions(), TimeProvider.System, NullLogger<AudioFetcher>.Instance);
        var fetches = new List<Task<AudioFetchResult>>();
        for (var i = 0; i < 40; i++)
        {
            fetches.Add(fetcher.FetchAsync(server.UrlOf($"/clip{i}.wav"), CancellationToken.None).AsTask());
            await Task.Delay(50);
        }

        var results = await Task.WhenAll(fetches);

        var failed = results.Where(result => !result.Succeeded).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of 40 fetches failed; first: {failed.FirstOrDefault()?.Error} {failed.FirstOrDefault()?.Detail}");
        Assert.Equal(40, server.Requests);
        Assert.Equal(40, fetcher.RequestCount);
    }
}
