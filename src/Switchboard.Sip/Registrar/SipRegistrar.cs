using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// The registrar of RFC 3261 §10.3: authenticates REGISTER with digest (MD5 and SHA-256, qop=auth, stateless
/// nonces), then adds, refreshes, removes or lists the user's bindings in <see cref="Locations"/>. Set it on
/// <see cref="SipUserAgent.Registrar"/>; it takes only REGISTER requests.
/// </summary>
public sealed class SipRegistrar
{
    private readonly SipRegistrarOptions _options;
    private readonly ISipCredentialDirectory _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RegisterAuthenticator _authenticator;

    public SipRegistrar(SipRegistrarOptions options, ISipCredentialDirectory directory, SipLocationService locations, TimeProvider time, ILogger<SipRegistrar> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(locations);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _directory = directory;
        Locations = locations;
        _time = time;
        _logger = logger;

        // One node issues and checks its own nonces, so a key made at start is enough; it is never stored.
        var verifier = new DigestVerifier(RandomNumberGenerator.GetBytes(32), time, options.NonceLifetime);
        _authenticator = new RegisterAuthenticator(verifier, options.Algorithms);
    }

    /// <summary>Where registered users can be reached.</summary>
    public SipLocationService Locations { get; }

    /// <summary>Answers the REGISTER on its server transaction once the directory has been asked; never throws.</summary>
    internal async Task HandleAsync(SipRequest request, NonInviteServerTransaction transaction, IPEndPoint remote)
    {
        SipResponse response;
        try
        {
            response = await AnswerAsync(request, remote).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever went wrong, the client must get a final response rather than retransmit for 32 s.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.Failed(_logger, remote, ex);
            response = SipResponseFactory.Create(request, 500, "Server Internal Error", SipIdentifiers.NewTag());
        }

        try
        {
            transaction.SendResponse(response);
        }
        catch (ObjectDisposedException)
        {
            // The user agent stopped while the directory was asked; the client will retry elsewhere or later.
        }
    }

    private async Task<SipResponse> AnswerAsync(SipRequest request, IPEndPoint remote)
    {
        // §10.3 step 5: the To names the address-of-record; ours are users, so one without a user part is no AOR.
        if (request.To?.Uri.User is not { Length: > 0 } aor || request.CallId is not { } callId || request.CSeq is not { } cseq)
        {
            return Refuse(request, remote, string.Empty, new RegisterRefusal(404, "Not Found"));
        }

        // §10.3 step 2: we support no extension a client could require.
        if (request.GetHeader("Require") is { } required)
        {
            return Refuse(request, remote, aor, new RegisterRefusal(420, "Bad Extension", SipHeader.Create("Unsupported", required)));
        }

        var user = await _directory.FindAsync(aor, CancellationToken.None).ConfigureAwait(false);
        var realm = user?.Realm ?? _options.Realm;
        switch (_authenticator.Check(request, aor, user, realm))
        {
            case RegisterAuthentication.Challenge:
                return Refuse(request, remote, aor, new RegisterRefusal(401, "Unauthorized", _authenticator.Challenges(realm, stale: false)));
            case RegisterAuthentication.StaleNonce:
                return Refuse(request, remote, aor, new RegisterRefusal(401, "Unauthorized", _authenticator.Challenges(realm, stale: true)));
            case RegisterAuthentication.UriMismatch:
                return Refuse(request, remote, aor, new RegisterRefusal(400, "Authorization uri does not match the Request-URI"));
            case RegisterAuthentication.Forbidden:
                Log.Forbidden(_logger, aor, remote);
                return SipResponseFactory.Create(request, 403, "Forbidden", SipIdentifiers.NewTag());
        }

        if (RegisterContacts.Read(request, _options, out var refusal) is not { } contacts)
        {
            return Refuse(request, remote, aor, refusal!);
        }

        // §10.3 step 5: the address-of-record in canonical form, without the To URI's parameters and headers.
        var addressOfRecord = request.To!.Uri with { Parameters = [], Headers = null };
        var result = Locations.Update(aor, addressOfRecord, callId, cseq.Number, remote, contacts.Changes, contacts.RemoveAll, _options.MaxBindingsPerUser, out var bindings);
        switch (result)
        {
            case BindingUpdateResult.OutOfOrder:
                return Refuse(request, remote, aor, new RegisterRefusal(500, "Out of order: CSeq not above the binding's"));
            case BindingUpdateResult.TooManyBindings:
                return Refuse(request, remote, aor, new RegisterRefusal(503, "Too many registered contacts"));
        }

        LogChange(aor, remote, contacts, bindings);
        return Accept(request, bindings);
    }

    /// <summary>§10.3 step 8: 200 listing every current binding with the seconds it has left, and the Date.</summary>
    private SipResponse Accept(SipRequest request, IReadOnlyList<SipBinding> bindings)
    {
        var now = _time.GetUtcNow();
        var headers = new List<SipHeader>(bindings.Count + 1);
        foreach (var binding in bindings)
        {
            var contact = binding.Contact with { Parameters = [.. binding.Contact.Parameters, new("expires", binding.SecondsLeft(now).ToString(CultureInfo.InvariantCulture))] };
            headers.Add(SipHeader.Create(SipHeaderNames.Contact, contact.ToString()));
        }

        headers.Add(SipHeader.Create("Date", now.ToString("r", CultureInfo.InvariantCulture)));
        return SipResponseFactory.Create(request, 200, "OK", SipIdentifiers.NewTag(), [.. headers]);
    }

    private SipResponse Refuse(SipRequest request, IPEndPoint remote, string aor, RegisterRefusal refusal)
    {
        Log.Refused(_logger, aor, remote, refusal.StatusCode, refusal.ReasonPhrase);
        return SipResponseFactory.Create(request, refusal.StatusCode, refusal.ReasonPhrase, SipIdentifiers.NewTag(), refusal.Headers);
    }

    private void LogChange(string aor, IPEndPoint remote, RegisterContacts contacts, IReadOnlyList<SipBinding> bindings)
    {
        if (!contacts.RemoveAll && contacts.Changes.Count == 0)
        {
            return;
        }

        if (bindings is [var first, ..])
        {
            Log.Registered(_logger, aor, bindings.Count, remote, first.Contact.Uri.ToString(), first.SecondsLeft(_time.GetUtcNow()));
        }
        else
        {
            Log.Unregistered(_logger, aor, remote);
        }
    }
}
