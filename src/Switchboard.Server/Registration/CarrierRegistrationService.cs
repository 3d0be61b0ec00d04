using System.Collections.Concurrent;
using System.Threading.Channels;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Registration;
using Switchboard.Sip.UserAgent;
using Switchboard.Storage.Carriers;

namespace Switchboard.Server.Registration;

/// <summary>
/// Keeps one <see cref="SipRegistrationClient"/> per carrier with <c>register: true</c>: re-reads carriers when the
/// API changes one and every poll interval, starts, restarts or ends registrations to match, and at shutdown removes
/// every binding (Expires: 0) before the SIP user agent stops.
/// </summary>
internal sealed class CarrierRegistrationService(
    IVoipCarrierStore carriers,
    SipUserAgent agent,
    CarrierRegistrationOptions options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService, ICarrierRegistrations
{
    private readonly ConcurrentDictionary<string, (CarrierRegistrationTarget Target, SipRegistrationClient Client)> _registrations = new(StringComparer.Ordinal);
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ILogger _logger = loggers.CreateLogger<CarrierRegistrationService>();

    public string? StatusOf(string carrierSid) =>
        _registrations.TryGetValue(carrierSid, out var registration) ? WireName(registration.Client.Status.State) : null;

    public void CarriersChanged() => _changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SyncAsync(stoppingToken).ConfigureAwait(false);
                await WaitForChangeAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(_registrations.Keys.ToArray().Select(StopAsync)).ConfigureAwait(false);
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<VoipCarrierRecord> all;
        try
        {
            all = await carriers.ListAllAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SyncFailed(_logger, ex);
            return;
        }

        var wanted = new Dictionary<string, CarrierRegistrationTarget>(StringComparer.Ordinal);
        foreach (var carrier in all)
        {
            if (CarrierRegistrationTarget.For(carrier) is { } target)
            {
                wanted[carrier.Sid] = target;
            }
        }

        foreach (var (sid, running) in _registrations)
        {
            if (!wanted.TryGetValue(sid, out var target) || target != running.Target)
            {
                await StopAsync(sid).ConfigureAwait(false);
            }
        }

        foreach (var (sid, target) in wanted)
        {
            if (!_registrations.ContainsKey(sid))
            {
                Start(sid, target);
            }
        }
    }

    private void Start(string carrierSid, CarrierRegistrationTarget target)
    {
        var registration = new SipRegistrationOptions(target.RegistrarUri, target.Username, new SipCredentials(target.Username, target.Password))
        {
            Domain = target.Host,
            Expires = options.Expires,
            RetryInitial = options.RetryInitial,
            RetryMax = options.RetryMax,
        };
        var client = new SipRegistrationClient(agent, registration, loggers.CreateLogger<SipRegistrationClient>());
        _registrations[carrierSid] = (target, client);
        Log.Starting(_logger, carrierSid, target);
        client.Start();
    }

    private async Task StopAsync(string carrierSid)
    {
        if (!_registrations.TryRemove(carrierSid, out var registration))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(options.UnregisterTimeout, time);
        await registration.Client.StopAsync(timeout.Token).ConfigureAwait(false);
        await registration.Client.DisposeAsync().ConfigureAwait(false);
        Log.Stopped(_logger, carrierSid);
    }

    /// <summary>Until the API says carriers changed, or the poll interval passes.</summary>
    private async Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _changes.Reader.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        while (_changes.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>The state as the API shows it; a refresh under way is still a registration in force.</summary>
    private static string WireName(SipRegistrationState state) => state switch
    {
        SipRegistrationState.Refreshing => "registered",
        _ => state.ToString().ToLowerInvariant(),
    };
}
