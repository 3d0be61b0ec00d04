using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Switchboard.Client;
using Switchboard.Sip.Transactions;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// The real server composition, started in the test process on loopback ports with its own data directory,
/// and an HTTP client that carries its API key.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    public const string ApiKey = "sb_test_key_0123456789";
    private static int _rtpBlock;

    private TestServer(SwitchboardApp app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
        Client = new HttpClient { BaseAddress = app.HttpAddress };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        Api = new SwitchboardClient(Client, ApiKey);
    }

    public SwitchboardApp App { get; }

    public HttpClient Client { get; }

    /// <summary>The typed client of Switchboard.Client, over <see cref="Client"/>, acting on the default account.</summary>
    public SwitchboardClient Api { get; }

    public string DataDirectory { get; }

    /// <summary>Whether disposing deletes <see cref="DataDirectory"/> (not when the test passed its own).</summary>
    public bool OwnsData { get; init; } = true;

    /// <param name="defaultCarrier">The trunk for phone numbers (a SIPp callee's URI).</param>
    /// <param name="sipT1">RFC 3261 T1; a short one makes Timer B (64·T1) fire within a test's patience.</param>
    /// <param name="mediaTimeout">How long an answered call may hear no RTP before it is hung up (30 s by default).</param>
    /// <param name="configure">Replaces registrations, e.g. <c>WebhookOptions</c> with short retry delays.</param>
    /// <param name="dataDirectory">An existing server's data, to start again on it; the caller deletes it.</param>
    public static async Task<TestServer> StartAsync(
        string? defaultCarrier,
        TimeSpan? sipT1 = null,
        TimeSpan? mediaTimeout = null,
        Action<IServiceCollection>? configure = null,
        string? dataDirectory = null)
    {
        var data = dataDirectory ?? Path.Combine(Path.GetTempPath(), "switchboard-tests", Guid.NewGuid().ToString("N"));
        // Each server gets its own block of RTP ports so servers in parallel tests never contend: 20000-24999, apart
        // from the peers' ports (FreePort, 10000-19999), the media and step tests' (25000-29999, run beside this
        // suite by ./test) and ServerProcess's (30000-31999).
        var block = Interlocked.Increment(ref _rtpBlock) % 25;
        var rtpLow = 20000 + (block * 200);
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 0),
            new IPEndPoint(IPAddress.Loopback, 0),
            PublicIp: null,
            rtpLow,
            rtpLow + 199,
            data,
            Database: null,
            ApiKey,
            defaultCarrier)
        {
            MediaTimeout = mediaTimeout ?? TimeSpan.FromSeconds(30),

            // Every peer of a test (webhook receiver, audio server) is on 127.0.0.1, which production refuses.
            AllowPrivateUrls = true,
        };
        var timers = SipTimerSettings.Default with { T1 = sipT1 ?? SipTimerSettings.Default.T1 };
        var app = await SwitchboardApp.StartAsync(
            settings,
            logging => logging.SetMinimumLevel(LogLevel.Warning),
            CancellationToken.None,
            services =>
            {
                services.AddSingleton(timers);
                configure?.Invoke(services);
            });
        return new TestServer(app, data) { OwnsData = dataDirectory is null };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        if (!OwnsData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
