using System.Globalization;
using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Registration;

/// <summary>
/// Keeps one registration alive (RFC 3261 §10.2): registers, answers digest challenges, refreshes at half the time
/// granted, backs off exponentially (capped, with jitter) after failures, and removes its binding when stopped.
/// One loop owns the state, so it needs no lock; timers run on the user agent's <see cref="TimeProvider"/>.
/// </summary>
public sealed class SipRegistrationClient : IAsyncDisposable
{
    private static readonly TimeSpan MinimumRefresh = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DisposeUnregisterTimeout = TimeSpan.FromSeconds(5);

    // Bounds the exchanges of one attempt: a challenge per realm (proxy and registrar), a stale retry, a raised interval.
    private const int MaxRoundsPerAttempt = 5;

    private readonly SipUserAgent _agent;
    private readonly SipRegistrationOptions _options;
    private readonly SipUri _registrar;
    private readonly ILogger _logger;
    private readonly Action<SipRegistrationStatus>? _statusChanged;
    private readonly string _callId = SipIdentifiers.NewCallId();
    private readonly CancellationTokenSource _stopping = new();
    private readonly StateMachine<SipRegistrationState> _state;
    private SipRegistrationStatus _status = SipRegistrationStatus.Initial;
    private TimeSpan _expires;
    private uint _sequence;
    private Task? _loop;
    private int _stopped;

    /// <param name="agent">The started user agent whose address we register and whose transactions carry REGISTER.</param>
    /// <param name="options">Whom to register where.</param>
    /// <param name="logger">Takes a line per state change.</param>
    /// <param name="statusChanged">Told every new status (on the client's loop: keep it short).</param>
    /// <exception cref="ArgumentException">The registrar URI is not a SIP URI.</exception>
    public SipRegistrationClient(SipUserAgent agent, SipRegistrationOptions options, ILogger logger, Action<SipRegistrationStatus>? statusChanged = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (!SipUri.TryParse(options.RegistrarUri, out var registrar, out var error))
        {
            throw new ArgumentException($"Invalid registrar URI: {error}", nameof(options));
        }

        _agent = agent;
        _options = options;
        _registrar = registrar;
        _logger = logger;
        _statusChanged = statusChanged;
        _expires = options.Expires;
        _state = new StateMachine<SipRegistrationState>(Transitions, SipRegistrationStatus.Initial.State, logger);
    }

    public SipRegistrationStatus Status => Volatile.Read(ref _status);

    /// <summary>
    /// The registration's life as <see cref="SipRegistrationState"/> describes it (RFC 3261 §10.2): register, refresh
    /// before expiry, retry after a failure, and from any live state remove the binding (§10.2.2) or just stop.
    /// </summary>
    internal static TransitionTable<SipRegistrationState> Transitions { get; } = TransitionTable<SipRegistrationState>.Declare("registration")
        .Allow(SipRegistrationState.Idle, SipRegistrationState.Registering, SipRegistrationState.Unregistered)
        .Allow(SipRegistrationState.Registering, SipRegistrationState.Registered, SipRegistrationState.Failed, SipRegistrationState.Unregistering, SipRegistrationState.Unregistered)
        .Allow(SipRegistrationState.Registered, SipRegistrationState.Refreshing, SipRegistrationState.Unregistering, SipRegistrationState.Unregistered)
        .Allow(SipRegistrationState.Refreshing, SipRegistrationState.Registered, SipRegistrationState.Failed, SipRegistrationState.Unregistering, SipRegistrationState.Unregistered)
        .Allow(SipRegistrationState.Failed, SipRegistrationState.Registering, SipRegistrationState.Unregistering, SipRegistrationState.Unregistered)
        .Allow(SipRegistrationState.Unregistering, SipRegistrationState.Unregistered)
        .Build();

    /// <summary>Starts registering in the background.</summary>
    public void Start()
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The registration is already started.");
        }

        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>
    /// Stops refreshing and, if a binding may still be in force, removes it with Expires: 0 (RFC 3261 §10.2.2),
    /// waiting for the registrar's answer until <paramref name="cancellationToken"/> gives up.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var status = Status;
        if (status.ExpiresAt is { } expiresAt && expiresAt > _agent.Time.GetUtcNow())
        {
            ChangeStatus(status with { State = SipRegistrationState.Unregistering });
            try
            {
                var attempt = await RegisterAsync(TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                status = status with { StatusCode = attempt.StatusCode, Reason = attempt.Reason };
            }
            catch (OperationCanceledException)
            {
                status = status with { StatusCode = null, Reason = "gave up waiting for the registrar" };
            }
        }

        ChangeStatus(status with { State = SipRegistrationState.Unregistered, ExpiresAt = null });
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(DisposeUnregisterTimeout, _agent.Time);
        await StopAsync(timeout.Token).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (true)
        {
            var status = Status;
            ChangeStatus(status with { State = status.State == SipRegistrationState.Registered ? SipRegistrationState.Refreshing : SipRegistrationState.Registering });
            var attempt = await RegisterAsync(_expires, stopping).ConfigureAwait(false);
            TimeSpan wait;
            if (attempt.Granted is { } granted)
            {
                failures = 0;
                ChangeStatus(new SipRegistrationStatus(SipRegistrationState.Registered, attempt.StatusCode, attempt.Reason, _agent.Time.GetUtcNow() + granted, 0));

                // §10.2.1: the binding lapses at the granted time; refreshing at half leaves room for a slow answer.
                wait = granted / 2 > MinimumRefresh ? granted / 2 : MinimumRefresh;
                Log.RefreshScheduled(_logger, _options.User, _options.RegistrarUri, granted, wait);
            }
            else
            {
                failures++;
                ChangeStatus(Status with { State = SipRegistrationState.Failed, StatusCode = attempt.StatusCode, Reason = attempt.Reason, ConsecutiveFailures = failures });
                wait = RegistrationBackoff.Delay(failures, _options.RetryInitial, _options.RetryMax, Random.Shared.NextDouble());
                Log.RetryScheduled(_logger, _options.User, _options.RegistrarUri, attempt.StatusCode, attempt.Reason, wait);
            }

            await Task.Delay(wait, _agent.Time, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>One REGISTER asking for <paramref name="expires"/>, resent as challenges and 423 ask.</summary>
    private async Task<RegisterAttempt> RegisterAsync(TimeSpan expires, CancellationToken cancellationToken)
    {
        if (_agent.ResolveHop(_registrar, null) is not { } hop)
        {
            return new RegisterAttempt(null, 503, "the registrar's address does not resolve or its transport is not enabled");
        }

        var local = new SipLocalAddress(_agent.GetLocalHostToward(hop.EndPoint.Address), _agent.LocalEndPoint.Port, hop.Transport.Protocol);
        var requestUri = RegisterRequestFactory.RequestUri(_registrar);
        var authenticator = _options.Credentials is { } credentials ? new InviteAuthenticator(credentials) : null;
        IReadOnlyList<SipHeader> authorization = [];
        for (var round = 0; round < MaxRoundsPerAttempt; round++)
        {
            var request = RegisterRequestFactory.Create(_registrar, _options, local, _callId, ++_sequence, expires, authorization);
            var outcome = await _agent.SendRequestAsync(request, hop).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (outcome.Response is not { } response)
            {
                return outcome.Failure == SipTransactionFailure.Timeout
                    ? new RegisterAttempt(null, 408, "no answer from the registrar")
                    : new RegisterAttempt(null, 503, "the registrar could not be reached");
            }

            switch (response.StatusCode)
            {
                case >= 200 and < 300 when expires == TimeSpan.Zero:
                    return new RegisterAttempt(TimeSpan.Zero, response.StatusCode, response.ReasonPhrase);
                case >= 200 and < 300:
                    var granted = GrantedExpiry(response, RegisterRequestFactory.ContactUri(_options, local), expires);
                    return granted > TimeSpan.Zero
                        ? new RegisterAttempt(granted, response.StatusCode, response.ReasonPhrase)
                        : new RegisterAttempt(null, response.StatusCode, "the registrar kept no binding");
                case 401 or 407 when authenticator is not null && authenticator.TryAccept(response):
                    authorization = [.. authenticator.HeadersFor(SipMethod.Register, requestUri)];
                    break;
                case 423 when expires > TimeSpan.Zero && MinExpires(response) is { } minimum && minimum > expires:
                    // §10.2.8: ask again for at least Min-Expires, and keep asking for that from now on.
                    _expires = expires = minimum;
                    authorization = authenticator is null ? [] : [.. authenticator.HeadersFor(SipMethod.Register, requestUri)];
                    break;
                default:
                    return new RegisterAttempt(null, response.StatusCode, response.ReasonPhrase);
            }
        }

        return new RegisterAttempt(null, 401, "the registrar kept challenging");
    }

    /// <summary>
    /// RFC 3261 §10.2.4: the 200 lists every binding with its expires parameter; ours is the one with our Contact.
    /// Without one, the Expires header; without that, what we asked for.
    /// </summary>
    private static TimeSpan GrantedExpiry(SipResponse response, SipUri ourContact, TimeSpan requested)
    {
        var ours = ContactKey.For(ourContact);
        foreach (var value in response.GetHeaderValues(SipHeaderNames.Contact))
        {
            if (SipNameAddress.TryParse(value.Span, out var contact) && ContactKey.For(contact.Uri) == ours
                && Seconds(SipParameters.Get(contact.Parameters, "expires")) is { } seconds)
            {
                return seconds;
            }
        }

        return Seconds(response.GetHeader(SipHeaderNames.Expires)) ?? requested;
    }

    private static TimeSpan? MinExpires(SipResponse response) => Seconds(response.GetHeader("Min-Expires"));

    private static TimeSpan? Seconds(string? value) =>
        uint.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    private void ChangeStatus(SipRegistrationStatus next)
    {
        var previous = Status;
        if (!_state.TryTransitionTo(next.State))
        {
            return;
        }

        Volatile.Write(ref _status, next);
        if (previous.State != next.State && next.State != SipRegistrationState.Refreshing
            && !(previous.State == SipRegistrationState.Refreshing && next.State == SipRegistrationState.Registered))
        {
            Log.StateChanged(_logger, _options.User, _options.RegistrarUri, next.State, next.StatusCode, next.Reason);
        }

        _statusChanged?.Invoke(next);
    }
}
