using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Switchboard.Api.Auth;
using Switchboard.Api.Callback;
using Switchboard.Api.Conversation;
using Switchboard.Api.Conversation.Escalation;
using Switchboard.Api.EventAction;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.V1;
using Switchboard.Api.V1.Calls;
using Switchboard.Api.V1.SpeechCredentials;
using Switchboard.Api.V1.Webhooks;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Engine.Speech;
using Switchboard.Calls.Engine.Streams;
using Switchboard.Calls.Limits;
using Switchboard.Foundation.Net;
using Switchboard.Media.Audio;
using Switchboard.Media.Recognition.OpenAi;
using Switchboard.Media.Recognition.PocketSphinx;
using Switchboard.Media.Sessions;
using Switchboard.Media.Speech;
using Switchboard.Server.Configuration;
using Switchboard.Server.Metrics;
using Switchboard.Server.Registration;
using Switchboard.Server.Secrets;
using Switchboard.Server.WebConsole;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Calls;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.SpeechCredentials;
using Switchboard.Storage.Idempotency;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Webhooks;
using Switchboard.Webhooks;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Builds and starts the whole server in one process: storage, SIP, media, the call engine and the HTTP API.
/// Used by <c>Program</c> and by the functional tests, so both run exactly the same composition.
/// </summary>
public sealed class SwitchboardApp : IAsyncDisposable
{
    /// <summary>The SQLite file in the data directory.</summary>
    public const string DatabaseFileName = "switchboard.db";

    private readonly WebApplication _web;

    private SwitchboardApp(WebApplication web, string? newApiKey, string accountSid)
    {
        _web = web;
        NewApiKey = newApiKey;
        AccountSid = accountSid;
    }

    /// <summary>A key generated at this start (first start without SWITCHBOARD_API_KEY), to print once.</summary>
    public string? NewApiKey { get; }

    /// <summary>The default account.</summary>
    public string AccountSid { get; }

    public Uri HttpAddress => new(_web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public IPEndPoint SipEndPoint => _web.Services.GetRequiredService<SipUserAgent>().LocalEndPoint;

    public IServiceProvider Services => _web.Services;

    /// <summary>Opens the database, binds SIP and HTTP, and returns once all listen.</summary>
    /// <param name="settings">The validated settings.</param>
    /// <param name="logging">Adjusts logging (tests quieten it).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="configureServices">Replaces registrations after the defaults, e.g. a shorter SIP T1 in tests.</param>
    public static async Task<SwitchboardApp> StartAsync(
        SwitchboardSettings settings,
        Action<ILoggingBuilder>? logging,
        CancellationToken cancellationToken,
        Action<IServiceCollection>? configureServices = null)
    {
        if (settings.Database is not null)
        {
            throw new SettingsException("SWITCHBOARD_DB: PostgreSQL storage is not available in this version; leave it empty for SQLite");
        }

        try
        {
            PrivateFiles.EnsureDirectory(settings.DataDirectory);
        }
        catch (Exception problem) when (StartupFailures.IsFileProblem(problem))
        {
            throw StartupFailures.DataDirectory(settings.DataDirectory, problem);
        }

        var (database, accounts, account, newKey) = await OpenStoreAsync(settings, cancellationToken).ConfigureAwait(false);

        var builder = WebApplication.CreateSlimBuilder();
        if (settings.ConfigurationFile is { } file)
        {
            // Its other sections configure the host the usual way, e.g. "Logging": {"LogLevel": {...}} per category.
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        builder.WebHost.UseUrls($"http://{settings.Http}");
        // Under systemd (deploy/switchboard.service, Type=notify): readiness once listening, stop on SIGTERM. Elsewhere a no-op.
        builder.Services.AddSystemd();
        builder.WebHost.ConfigureKestrel(kestrel => KestrelLimitsSetup.Apply(kestrel.Limits, settings));
        // Shutdown waits for live calls (the grace), hangs up the rest, then drains webhooks; the host must not cut it short.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.ShutdownGrace + TimeSpan.FromSeconds(20));
        ConsoleLogging.Configure(builder.Logging, settings);
        logging?.Invoke(builder.Logging);
        ConfigureServices(builder.Services, settings, database, accounts);
        configureServices?.Invoke(builder.Services);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddProblemDetails(ApiProblemDetails.Customize);

        var web = builder.Build();
        // A body over the size limit is Kestrel's 413, not a 500.
        web.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // An empty 4xx (no route, a method the route does not take, a body that is not JSON) gets a problem body.
        web.UseStatusCodePages();
        web.UseMiddleware<BearerAuthenticationMiddleware>();
        web.MapSwitchboardHealth();
        web.MapSwitchboardMetrics(settings);
        web.MapConversationApi();
        web.MapEventActionApi();
        web.MapCallbackApi();
        web.MapCallsApi();
        web.MapLiveCalls();
        web.MapV1Api();
        web.MapSwitchboardOpenApi();
        web.MapSwitchboardConsole();

        WarnIfDescriptorsShort(settings, web.Services.GetRequiredService<ILoggerFactory>().CreateLogger<SwitchboardApp>());

        // Before anything reads a webhook secret or a carrier password for use.
        await web.Services.GetRequiredService<StoredSecretsMigration>().RunAsync(cancellationToken).ConfigureAwait(false);

        // Before anything can place a call: end what a crash left live and resume what it left undelivered.
        await web.Services.GetRequiredService<CrashRecovery>().RunAsync(cancellationToken).ConfigureAwait(false);
        await web.Services.GetRequiredService<CallbackSessionRecovery>().RunAsync(cancellationToken).ConfigureAwait(false);
        await web.Services.GetRequiredService<IIdempotencyStore>().ReleaseUnansweredAsync(cancellationToken).ConfigureAwait(false);
        web.Services.GetRequiredService<CallEngine>().AcceptInboundCalls(web.Services.GetRequiredService<IInboundCallRouter>());
        try
        {
            await ListenAsync(settings.Sip, "--sip", () => web.Services.GetRequiredService<SipUserAgent>().StartAsync(cancellationToken)).ConfigureAwait(false);
            // Once SIP is up, since a resumed escalation may place its next attempt at once.
            await web.Services.GetRequiredService<Escalations>().ResumeAsync(cancellationToken).ConfigureAwait(false);
            await ListenAsync(settings.Http, "--http", () =>
            {
                // The host logs a failed bind with its stack trace before it throws; trying the port first keeps the
                // start-up error to our one line.
                HttpPortProbe.ThrowIfTaken(settings.Http);
                return web.StartAsync(cancellationToken);
            }).ConfigureAwait(false);
        }
        catch (StartupException)
        {
            await new SwitchboardApp(web, newKey, account.Sid).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new SwitchboardApp(web, newKey, account.Sid);
    }

    private static async Task ListenAsync(IPEndPoint endPoint, string flag, Func<Task> start)
    {
        try
        {
            await start().ConfigureAwait(false);
        }
        catch (Exception problem) when (StartupFailures.IsBindProblem(problem))
        {
            throw StartupFailures.Listen(flag, endPoint, problem);
        }
    }

    // The database, the default account and its admin key; a file SQLite cannot open or write is named.
    private static async Task<(SqliteDatabase Database, SqliteAccountStore Accounts, AccountRecord Account, string? NewKey)> OpenStoreAsync(
        SwitchboardSettings settings,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(settings.DataDirectory, DatabaseFileName);
        try
        {
            var database = await SqliteDatabase.OpenAsync(path, cancellationToken).ConfigureAwait(false);
            var accounts = new SqliteAccountStore(database, TimeProvider.System);
            var account = await accounts.EnsureDefaultAccountAsync(cancellationToken).ConfigureAwait(false);
            string? newKey = null;
            if (settings.ApiKey is not null)
            {
                await accounts.EnsureApiKeyAsync(account.Sid, settings.ApiKey, ApiKeyScope.Admin, cancellationToken).ConfigureAwait(false);
            }
            else if (!await accounts.HasAdminKeyAsync(cancellationToken).ConfigureAwait(false))
            {
                newKey = ApiKeyHash.NewToken();
                await accounts.EnsureApiKeyAsync(account.Sid, newKey, ApiKeyScope.Admin, cancellationToken).ConfigureAwait(false);
            }

            return (database, accounts, account, newKey);
        }
        catch (Exception problem) when (StartupFailures.IsFileProblem(problem))
        {
            throw StartupFailures.Database(path, problem);
        }
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _web.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // Escalations first: their loops must not take the calls the engine hangs up for unanswered attempts.
        await _web.Services.GetRequiredService<Escalations>().SuspendAsync().ConfigureAwait(false);
        await _web.Services.GetRequiredService<CallEngine>().DisposeAsync().ConfigureAwait(false);
        // The calls' final statuses were just queued; give them a moment to go out. Whatever is left stays in the
        // outbox and is sent after the next start.
        var outbox = _web.Services.GetRequiredService<WebhookOutbox>();
        await outbox.DrainAsync(outbox.Options.ShutdownDrain).ConfigureAwait(false);
        await _web.StopAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
    }

    private static void WarnIfDescriptorsShort(SwitchboardSettings settings, ILogger logger)
    {
        var needed = DescriptorBudget.Needed(settings);
        if (DescriptorBudget.ProcessOpenFileLimit() is { } limit && limit < needed)
        {
            Log.DescriptorsShort(logger, needed, settings.SipTcp.MaxConnections, settings.HttpMaxConnections, settings.RtpPortMax - settings.RtpPortMin + 1, DescriptorBudget.Reserve, limit);
        }
    }

    private static void ConfigureServices(IServiceCollection services, SwitchboardSettings settings, SqliteDatabase database, IAccountStore accounts)
    {
        var mediaBind = settings.Sip.Address.Equals(IPAddress.Any) ? IPAddress.Any : settings.Sip.Address;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(accounts);
        services.AddSingleton<DeferredWrites>();
        services.AddSingleton<ICallStore>(provider => new ResilientCallStore(new SqliteCallStore(database), provider.GetRequiredService<DeferredWrites>()));
        services.AddSqliteResourceStores();
        services.AddSingleton(new RecordingFiles(Path.Combine(settings.DataDirectory, "recordings")));
        services.AddV1Api();
        services.AddSwitchboardOpenApi();
        services.AddSingleton(new SipUserAgentOptions(settings.Sip, settings.PublicIp) { Tcp = settings.SipTcp });
        services.AddSingleton(SipTimerSettings.Default);
        services.AddSingleton(provider => new SipUserAgent(
            provider.GetRequiredService<SipUserAgentOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>())
        {
            Timers = provider.GetRequiredService<SipTimerSettings>(),
            Registrar = provider.GetRequiredService<SipRegistrar>(),
        });
        services.AddSipRegistration();
        services.AddSingleton(new MediaEngineOptions(mediaBind, settings.AdvertisedAddress, settings.RtpPortMin, settings.RtpPortMax)
        {
            MediaTimeout = settings.MediaTimeout,
        });
        services.AddSingleton<MediaEngine>();
        services.AddSingleton(new EspeakOptions(Path.Combine(settings.DataDirectory, "prompts")));
        services.AddSingleton<ISpeechSynthesizer, EspeakSpeechSynthesizer>();
        services.AddSingleton(provider => new SpeechSynthesizerRegistry(provider.GetServices<ISpeechSynthesizer>()));
        services.AddSingleton(new AudioFetcherOptions { MaxBytes = settings.AudioMaxBytes });
        services.AddSingleton(new PublicAddressFilter(settings.AllowPrivateUrls));
        services.AddSingleton(provider => new AudioFetcher(
            new HttpClient(new ConnectionReuseHandler(provider.GetRequiredService<PublicAddressFilter>().CreateHandler())),
            provider.GetRequiredService<AudioFetcherOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<AudioFetcher>>()));
        services.AddSingleton(PocketSphinxOptions.Default);
        services.AddSingleton<PocketSphinxRecognizer>();
        services.AddSingleton<ISpeechRecognizers>(provider => new AccountSpeechRecognizers(
            [provider.GetRequiredService<PocketSphinxRecognizer>()],
            settings.SpeechRecognizer,
            settings.SpeechLanguage,
            provider.GetRequiredService<ISpeechCredentialStore>(),
            new HttpClient(new ConnectionReuseHandler(provider.GetRequiredService<PublicAddressFilter>().CreateHandler())),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<OpenAiTranscriptionRecognizer>>()));
        services.AddSingleton(new CallEngineOptions(settings.DefaultCarrier));
        services.AddSingleton<RecordingLibrary>();
        services.AddSingleton(new CallLimits
        {
            CallsPerSecondPerAccount = settings.CallsPerSecondPerAccount,
            ConcurrentCallsPerAccount = settings.ConcurrentCallsPerAccount,
            MaxLiveCalls = settings.MaxLiveCalls,
            MaxCallDuration = settings.MaxCallDuration,
            ShutdownGrace = settings.ShutdownGrace,
        });
        services.AddSingleton(provider => new MediaStreamConnector(
            new HttpMessageInvoker(provider.GetRequiredService<PublicAddressFilter>().CreateHandler())));
        services.AddSingleton<CallEngine>();
        services.AddSingleton<CallbackSessions>();
        services.AddSingleton<CallbackSessionRecovery>();
        services.AddSingleton<Escalations>();
        services.AddHostedService<GracefulShutdownService>();
        services.AddSingleton(new StorageHealthCheck.DatabaseFile(Path.Combine(settings.DataDirectory, DatabaseFileName)));
        services.AddSwitchboardHealthChecks();
        services.AddSwitchboardMetrics(settings);
        services.AddStoredSecretProtection(settings);
        services.AddSingleton<IWebhookOutboxStore, SqliteWebhookOutboxStore>();
        services.AddSingleton<IWebhookAttemptStore, SqliteWebhookAttemptStore>();
        services.AddSingleton<IIdempotencyStore, SqliteIdempotencyStore>();
        services.AddWebhooks(
            WebhookOptions.Default with
            {
                ReplyTimeout = settings.WebhookTimeout,
                AttemptTimeout = settings.WebhookAttemptTimeout,
                SecretRotationGrace = settings.WebhookSecretGrace,
                MaxAnswerBytes = settings.WebhookMaxAnswerBytes,
                Retry = WebhookOptions.Default.Retry with { RetryFor = settings.WebhookRetryFor },
            },
            allowPrivateAddresses: !settings.RefusePrivateWebhooks);
        services.AddCallEventSinkRestorers();
        services.AddSingleton<CrashRecovery>();
    }
}
