using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Recordings;

namespace Switchboard.Server.Tests.V1;

public sealed class RecordingsTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task Recording_IsShown_Downloaded_AndDeletedWithItsFile()
    {
        var (account, key) = await server.NewAccountAsync();
        var (recording, wav) = await StoreAsync(account, "call-1");

        var shown = await server.GetJsonAsync($"/v1/Recordings/{recording.Sid}", key);
        Assert.Equal(recording.Sid, shown.GetProperty("sid").GetString());
        Assert.Equal("call-1", shown.GetProperty("call_sid").GetString());
        Assert.Equal(account, shown.GetProperty("account_sid").GetString());
        Assert.Equal(1.5, shown.GetProperty("duration").GetDouble());
        Assert.Equal(2, shown.GetProperty("channels").GetInt32());
        Assert.Equal(wav.Length, shown.GetProperty("size").GetInt64());
        Assert.Equal("completed", shown.GetProperty("status").GetString());
        Assert.Equal("hangup", shown.GetProperty("reason").GetString());
        Assert.True(shown.TryGetProperty("created_at", out _));
        var mediaUrl = new Uri(shown.GetProperty("media_url").GetString()!);
        Assert.Equal($"/v1/Accounts/{account}/Recordings/{recording.Sid}/media", mediaUrl.AbsolutePath);

        var media = await server.GetAsync(mediaUrl.PathAndQuery, key);
        Assert.Equal(HttpStatusCode.OK, media.StatusCode);
        Assert.Equal("audio/wav", media.Content.Headers.ContentType?.MediaType);
        Assert.Equal(wav, await media.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await server.DeleteAsync($"/v1/Accounts/{account}/Recordings/{recording.Sid}", key)).StatusCode);
        Assert.False(File.Exists(Files.PathOf(recording.Sid)));
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Recordings/{recording.Sid}", key), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Recordings/{recording.Sid}", key), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Media_AnswersARangeRequestWithPartialContent()
    {
        var (account, key) = await server.NewAccountAsync();
        var (recording, wav) = await StoreAsync(account, "call-1");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/Recordings/{recording.Sid}/media");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        request.Headers.Range = new RangeHeaderValue(0, 43);

        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(wav[..44], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(wav.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task List_FiltersByCall()
    {
        var (account, key) = await server.NewAccountAsync();
        var (first, _) = await StoreAsync(account, "call-a");
        await StoreAsync(account, "call-b");
        var (third, _) = await StoreAsync(account, "call-a");

        var all = await server.GetJsonAsync($"/v1/Accounts/{account}/Recordings", key);
        var ofCallA = await server.GetJsonAsync("/v1/Recordings?call_sid=call-a", key);

        Assert.Equal(3, all.GetArrayLength());
        Assert.Equal([first.Sid, third.Sid], ofCallA.EnumerateArray().Select(r => r.GetProperty("sid").GetString()));
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Recordings?call_sid=", key), HttpStatusCode.BadRequest, "call_sid");
        await V1Server.AssertProblemAsync(await server.GetAsync("/v1/Recordings?limit=0", key), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task AnotherAccountsRecording_Is404_AndKeepsItsFile()
    {
        var (owner, _) = await server.NewAccountAsync();
        var (_, stranger) = await server.NewAccountAsync();
        var (recording, _) = await StoreAsync(owner, "call-1");

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Recordings/{recording.Sid}", stranger), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Recordings/{recording.Sid}/media", stranger), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.DeleteAsync($"/v1/Recordings/{recording.Sid}", stranger), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{owner}/Recordings", stranger), HttpStatusCode.NotFound);
        Assert.Empty((await server.GetJsonAsync("/v1/Recordings", stranger)).EnumerateArray());
        Assert.True(File.Exists(Files.PathOf(recording.Sid)));
    }

    [Fact]
    public async Task OpenApi_DescribesTheResource_AndItsWavDownload()
    {
        var document = await server.GetJsonAsync("/openapi.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/v1/Accounts/{account_sid}/Recordings/{recording_sid}", out var one));
        Assert.True(one.TryGetProperty("delete", out _));
        var media = paths.GetProperty("/v1/Recordings/{recording_sid}/media").GetProperty("get").GetProperty("responses");
        Assert.True(media.GetProperty("200").GetProperty("content").TryGetProperty("audio/wav", out _));
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty("RecordingResponse").GetProperty("properties");
        foreach (var field in new[] { "sid", "call_sid", "account_sid", "duration", "channels", "size", "status", "created_at", "media_url" })
        {
            Assert.True(schema.TryGetProperty(field, out _), field);
        }
    }

    private RecordingFiles Files => server.App.Services.GetRequiredService<RecordingFiles>();

    /// <summary>A recording as a call would leave it: a stereo WAV file of 1.5 s and its row.</summary>
    private async Task<(RecordingRecord Recording, byte[] Wav)> StoreAsync(string accountSid, string callSid)
    {
        var sid = Guid.NewGuid().ToString();
        var wav = StereoWav(12_000);
        Directory.CreateDirectory(Files.Directory);
        await File.WriteAllBytesAsync(Files.PathOf(sid), wav);
        var recording = new RecordingRecord(
            sid, accountSid, callSid, RecordingSources.WholeCall, RecordingStatuses.Completed, "hangup", 2,
            TimeSpan.FromSeconds(1.5), wav.Length, DateTimeOffset.UtcNow);
        await server.App.Services.GetRequiredService<IRecordingStore>().CreateAsync(recording, default);
        return (recording, wav);
    }

    private static byte[] StereoWav(int frames)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + (frames * 4));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(8000);
        writer.Write(32000);
        writer.Write((short)4);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 4);
        for (var i = 0; i < frames; i++)
        {
            writer.Write((short)(i % 2000));
            writer.Write((short)-(i % 2000));
        }

        writer.Flush();
        return stream.ToArray();
    }
}
