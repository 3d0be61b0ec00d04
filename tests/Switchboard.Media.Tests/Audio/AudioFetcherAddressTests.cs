using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Foundation.Net;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Tests.Audio;

/// <summary>
/// Audio fetches through the SSRF guard (<see cref="PublicAddressFilter"/>): real fetches over loopback that it
/// refuses at connect time, by literal address and by a name that resolves there, reported as a refused address.
/// </summary>
public sealed class AudioFetcherAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task AFetchOfALoopbackUrl_IsRefusedAtConnect_WhenPrivateAddressesAreNotAllowed(string host)
    {
        await using var server = await AudioTestServer.StartAsync();
        using var http = new HttpClient(new PublicAddressFilter(allowPrivate: false).CreateHandler());
        var fetcher = new AudioFetcher(http, new AudioFetcherOptions(), TimeProvider.System, NullLogger<AudioFetcher>.Instance);
        var url = server.Url("/tone16k.wav").Replace("127.0.0.1", host, StringComparison.Ordinal);

        var result = await fetcher.FetchAsync(url, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(AudioFetchError.RefusedAddress, result.Error);
        Assert.Contains("loopback", result.Detail, StringComparison.Ordinal);
        Assert.False(server.Hits.ContainsKey("/tone16k.wav"));
    }

    [Fact]
    public async Task AFetchOfALoopbackUrl_Succeeds_WhenPrivateAddressesAreAllowed()
    {
        await using var server = await AudioTestServer.StartAsync();
        using var http = new HttpClient(new PublicAddressFilter(allowPrivate: true).CreateHandler());
        var fetcher = new AudioFetcher(http, new AudioFetcherOptions(), TimeProvider.System, NullLogger<AudioFetcher>.Instance);

        var result = await fetcher.FetchAsync(server.Url("/tone16k.wav"), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(1, server.Hits["/tone16k.wav"]);
    }
}
