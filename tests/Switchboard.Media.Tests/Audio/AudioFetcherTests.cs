using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

public sealed class AudioFetcherTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private readonly ManualTimeProvider _time = new();
    private AudioTestServer _server = null!;

    public async Task InitializeAsync() => _server = await AudioTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A16kHzWav_IsDecodedTo8kHz_AndKeepsItsPitch()
    {
        var result = await Create().FetchAsync(_server.Url("/tone16k.wav"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.False(result.FromCache);
        Assert.InRange(result.Clip.Samples.Length, 7990, 8010);
        Assert.InRange(AudioDecoderTests.MeasuredFrequency(result.Clip.Samples.Span[400..7600]), 1233, 1235);
    }

    [Fact]
    public async Task AnMp3ServedAsOctetStream_IsDecodedTo8kHz_AndKeepsItsPitch()
    {
        var result = await Create().FetchAsync(_server.Url("/tone.mp3"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.InRange(result.Clip.Samples.Length, 7900, 8700);
        Assert.InRange(AudioDecoderTests.MeasuredFrequency(result.Clip.Samples.Span[1600..7200]), 436, 444);
    }

    [Fact]
    public async Task ASecondFetchWithinTheTtl_IsServedFromTheCacheWithoutARequest()
    {
        var fetcher = Create();
        var first = await fetcher.FetchAsync(_server.Url("/tone16k.wav"), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(4));
        var second = await fetcher.FetchAsync(_server.Url("/tone16k.wav"), CancellationToken.None);

        Assert.True(second.FromCache);
        Assert.Same(first.Clip, second.Clip);
        Assert.Equal(1, _server.Hits["/tone16k.wav"]);
    }

    [Fact]
    public async Task AfterTheTtl_AClipWithoutValidators_IsFetchedAgain()
    {
        var fetcher = Create();
        await fetcher.FetchAsync(_server.Url("/tone16k.wav"), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(6));
        var again = await fetcher.FetchAsync(_server.Url("/tone16k.wav"), CancellationToken.None);

        Assert.False(again.FromCache);
        Assert.Equal(2, _server.Hits["/tone16k.wav"]);
    }

    [Fact]
    public async Task AStaleClipWithAnETag_IsRevalidated_AndA304KeepsIt()
    {
        var fetcher = Create();
        var first = await fetcher.FetchAsync(_server.Url("/etag.wav"), CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(30)); // max-age=60: still fresh
        await fetcher.FetchAsync(_server.Url("/etag.wav"), CancellationToken.None);
        Assert.Equal(1, _server.Hits["/etag.wav"]);

        _time.Advance(TimeSpan.FromSeconds(31));
        var revalidated = await fetcher.FetchAsync(_server.Url("/etag.wav"), CancellationToken.None);

        Assert.Equal(2, _server.Hits["/etag.wav"]);
        Assert.StartsWith("\"v1\"|", _server.LastConditional["/etag.wav"], StringComparison.Ordinal);
        Assert.True(revalidated.FromCache);
        Assert.Same(first.Clip, revalidated.Clip);
    }

    [Fact]
    public async Task AStaleClipWithLastModified_IsRevalidatedWithIfModifiedSince()
    {
        var fetcher = Create();
        var first = await fetcher.FetchAsync(_server.Url("/lastmod.wav"), CancellationToken.None);

        _time.Advance(TimeSpan.FromMinutes(6));
        var revalidated = await fetcher.FetchAsync(_server.Url("/lastmod.wav"), CancellationToken.None);

        Assert.EndsWith("|Thu, 01 Jan 2026 00:00:00 GMT", _server.LastConditional["/lastmod.wav"], StringComparison.Ordinal);
        Assert.Same(first.Clip, revalidated.Clip);
    }

    [Fact]
    public async Task NoStore_IsNeverCached()
    {
        var fetcher = Create();
        await fetcher.FetchAsync(_server.Url("/nostore.wav"), CancellationToken.None);
        await fetcher.FetchAsync(_server.Url("/nostore.wav"), CancellationToken.None);

        Assert.Equal(2, _server.Hits["/nostore.wav"]);
        Assert.Equal(0, fetcher.CachedClips);
    }

    [Fact]
    public async Task TheCache_EvictsTheLeastRecentlyUsed_ByEntryCount()
    {
        var fetcher = Create(new AudioFetcherOptions { CacheMaxEntries = 2 });
        await fetcher.FetchAsync(_server.Url("/plain/a.wav"), CancellationToken.None);
        await fetcher.FetchAsync(_server.Url("/plain/b.wav"), CancellationToken.None);
        await fetcher.FetchAsync(_server.Url("/plain/a.wav"), CancellationToken.None); // a is now the most recent
        await fetcher.FetchAsync(_server.Url("/plain/c.wav"), CancellationToken.None); // evicts b

        await fetcher.FetchAsync(_server.Url("/plain/a.wav"), CancellationToken.None);
        await fetcher.FetchAsync(_server.Url("/plain/b.wav"), CancellationToken.None);

        Assert.Equal(1, _server.Hits["/plain/a.wav"]);
        Assert.Equal(2, _server.Hits["/plain/b.wav"]);
        Assert.Equal(2, fetcher.CachedClips);
    }

    [Fact]
    public async Task TheCache_StaysWithinItsByteBudget()
    {
        // Each clip is 800 samples = 1,600 bytes: three fit in 5,000 bytes, a fourth evicts the oldest.
        var fetcher = Create(new AudioFetcherOptions { CacheMaxBytes = 5000 });
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            await fetcher.FetchAsync(_server.Url($"/plain/{name}.wav"), CancellationToken.None);
        }

        Assert.Equal(3, fetcher.CachedClips);
        Assert.Equal(4800, fetcher.CachedBytes);
        await fetcher.FetchAsync(_server.Url("/plain/a.wav"), CancellationToken.None);
        Assert.Equal(2, _server.Hits["/plain/a.wav"]);
    }

    [Fact]
    public async Task ConcurrentFetchesOfOneUrl_ShareOneRequest()
    {
        var fetcher = Create();

        var results = await Task.WhenAll(Enumerable.Range(0, 8)
            .Select(_ => fetcher.FetchAsync(_server.Url("/slowish.wav"), CancellationToken.None).AsTask()));

        Assert.All(results, r => Assert.Same(results[0].Clip, r.Clip));
        Assert.Equal(1, _server.Hits["/slowish.wav"]);
    }

    [Fact]
    public async Task RawMuLaw_ServedAsAudioBasic_IsAccepted()
    {
        var result = await Create().FetchAsync(_server.Url("/ulaw"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(4000, result.Clip.Samples.Length);
    }

    [Theory]
    [InlineData("/missing.wav", AudioFetchError.NotFound, 404)]
    [InlineData("/broken.wav", AudioFetchError.HttpError, 500)]
    [InlineData("/page.html", AudioFetchError.NotAudio, null)]
    [InlineData("/garbage.mp3", AudioFetchError.NotAudio, null)]
    public async Task ServerFailures_AreTyped(string path, AudioFetchError error, int? status)
    {
        var result = await Create().FetchAsync(_server.Url(path), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(error, result.Error);
        Assert.Equal(status, result.StatusCode);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Theory]
    [InlineData("/big.wav")] // refused by its Content-Length
    [InlineData("/big-chunked.wav")] // no Content-Length: cut off while reading
    public async Task ABodyOverTheCap_IsTooLarge(string path)
    {
        var result = await Create(new AudioFetcherOptions { MaxBytes = 1_000_000 }).FetchAsync(_server.Url(path), CancellationToken.None);

        Assert.Equal(AudioFetchError.TooLarge, result.Error);
    }

    [Fact]
    public async Task ASlowServer_TimesOut()
    {
        var fetcher = new AudioFetcher(_http, new AudioFetcherOptions { Timeout = TimeSpan.FromMilliseconds(300) }, TimeProvider.System, NullLogger<AudioFetcher>.Instance);

        var result = await fetcher.FetchAsync(_server.Url("/slow.wav"), CancellationToken.None);

        Assert.Equal(AudioFetchError.Timeout, result.Error);
    }

    [Theory]
    [InlineData("ftp://example.com/a.wav")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    [InlineData("/relative.wav")]
    public async Task NonHttpUrls_AreInvalid(string url)
    {
        var fetcher = Create();

        var result = await fetcher.FetchAsync(url, CancellationToken.None);

        Assert.Equal(AudioFetchError.InvalidUrl, result.Error);
        Assert.Equal(0, fetcher.RequestCount);
    }

    [Fact]
    public async Task AClosedPort_IsUnreachable()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var result = await Create().FetchAsync($"http://127.0.0.1:{port}/a.wav", CancellationToken.None);

        Assert.Equal(AudioFetchError.Unreachable, result.Error);
    }

    private AudioFetcher Create(AudioFetcherOptions? options = null) =>
        new(_http, options ?? new AudioFetcherOptions(), _time, NullLogger<AudioFetcher>.Instance);
}
