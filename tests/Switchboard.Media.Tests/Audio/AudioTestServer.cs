using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Tests.Audio;

/// <summary>A real HTTP server (Kestrel on 127.0.0.1, a free port) serving WAV files and failures.</summary>
internal sealed class AudioTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AudioTestServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Requests per path, and the conditional headers of the last one.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public ConcurrentDictionary<string, string> LastConditional { get; } = new();

    public static byte[] Tone16kHz { get; } = new WavBuilder { Rate = 16000 }.Build(WavBuilder.Pcm16(ResamplerTests.Tone(1234, 16000, 16000, 9000)));

    public static byte[] ShortWav { get; } = new WavBuilder().Build(WavBuilder.Pcm16(new short[800]));

    public static byte[] Mp3Tone { get; } = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Audio", "Assets", "tone-440hz-44khz-stereo-id3.mp3"));

    public string Url(string path) => BaseUrl + path;

    public static async Task<AudioTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new AudioTestServer(app);
        app.Use(async (context, next) =>
        {
            server.Hits.AddOrUpdate(context.Request.Path, 1, (_, n) => n + 1);
            server.LastConditional[context.Request.Path] = $"{context.Request.Headers.IfNoneMatch}|{context.Request.Headers.IfModifiedSince}";
            await next(context);
        });
        server.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/tone16k.wav", () => Results.Bytes(Tone16kHz, "audio/wav"));
        app.MapGet("/plain/{name}.wav", (string name) => Results.Bytes(ShortWav, "audio/wav"));
        app.MapGet("/etag.wav", (HttpContext context) =>
        {
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.CacheControl = "max-age=60";
            return context.Request.Headers.IfNoneMatch == "\"v1\""
                ? Results.StatusCode(304)
                : Results.Bytes(ShortWav, "audio/wav");
        });
        app.MapGet("/lastmod.wav", (HttpContext context) =>
        {
            context.Response.Headers.LastModified = "Thu, 01 Jan 2026 00:00:00 GMT";
            return context.Request.Headers.IfModifiedSince.Count > 0
                ? Results.StatusCode(304)
                : Results.Bytes(ShortWav, "audio/wav");
        });
        app.MapGet("/nostore.wav", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(ShortWav, "audio/wav");
        });
        // Served as a generic type on purpose: the decoder goes by the bytes, not by the label.
        app.MapGet("/tone.mp3", () => Results.Bytes(Mp3Tone, "application/octet-stream"));
        app.MapGet("/garbage.mp3", () => Results.Bytes([0xFF, 0xFB, 0x90, 0x64, .. new byte[600]], "audio/mpeg"));
        app.MapGet("/missing.wav", () => Results.NotFound());
        app.MapGet("/broken.wav", () => Results.StatusCode(500));
        app.MapGet("/page.html", () => Results.Content("<html><body>hello</body></html>", "text/html"));
        app.MapGet("/ulaw", () => Results.Bytes(Enumerable.Repeat((byte)0x80, 4000).ToArray(), "audio/basic"));
        app.MapGet("/big.wav", () => Results.Bytes(new WavBuilder().Build(new byte[2_000_000]), "audio/wav"));
        app.MapGet("/big-chunked.wav", async (HttpContext context) =>
        {
            context.Response.ContentType = "audio/wav";
            var block = new byte[64 * 1024];
            for (var i = 0; i < 32; i++)
            {
                await context.Response.Body.WriteAsync(block, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        app.MapGet("/slow.wav", async (HttpContext context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            return Results.Bytes(ShortWav, "audio/wav");
        });
        app.MapGet("/slowish.wav", async () =>
        {
            await Task.Delay(300);
            return Results.Bytes(ShortWav, "audio/wav");
        });
    }
}
