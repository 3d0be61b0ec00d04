using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.UserAgent;

/// <summary>
/// Answers the digest challenges an outbound INVITE meets (RFC 3261 §22.2): one realm per proxy or UAS, each
/// answered once with the strongest algorithm offered. A second challenge for a realm already answered means
/// the credentials were refused, unless it only says the nonce went stale (RFC 7616 §3.3), which is retried once.
/// Every resent INVITE carries the credentials for all realms met so far, with the nonce count moved on.
/// </summary>
internal sealed class InviteAuthenticator(SipCredentials credentials)
{
    private readonly Dictionary<string, Answered> _realms = new(StringComparer.Ordinal);

    /// <summary>Takes the challenges of a 401 or 407; false when the call should end with it as the rejection.</summary>
    public bool TryAccept(SipResponse challenge)
    {
        var proxy = challenge.StatusCode == 407;
        var best = new Dictionary<string, DigestChallenge>(StringComparer.Ordinal);
        foreach (var value in challenge.Headers.Where(h => h.Name.Equals(proxy ? "Proxy-Authenticate" : "WWW-Authenticate", StringComparison.OrdinalIgnoreCase)))
        {
            if (DigestChallenge.TryParse(value.ValueAsString(), out var parsed)
                && (!best.TryGetValue(parsed.Realm, out var current) || DigestAlgorithms.Strength(parsed.Algorithm) > DigestAlgorithms.Strength(current.Algorithm)))
            {
                best[parsed.Realm] = parsed;
            }
        }

        if (best.Count == 0)
        {
            return false;
        }

        foreach (var (realm, offered) in best)
        {
            if (_realms.TryGetValue(realm, out var previous) && (!offered.Stale || previous.StaleRetried))
            {
                return false;
            }

            _realms[realm] = new Answered(offered, proxy ? "Proxy-Authorization" : "Authorization", previous is not null);
        }

        return true;
    }

    /// <summary>The Authorization and Proxy-Authorization headers for the next INVITE to <paramref name="requestUri"/>.</summary>
    public IEnumerable<SipHeader> HeadersFor(SipMethod method, SipUri requestUri)
    {
        foreach (var answered in _realms.Values)
        {
            answered.NonceCount++;
            var digest = DigestClient.Answer(answered.Challenge, credentials, method.Name, requestUri.ToString(), answered.NonceCount);
            yield return SipHeader.Create(answered.HeaderName, digest.ToString());
        }
    }

    private sealed class Answered(DigestChallenge challenge, string headerName, bool staleRetried)
    {
        public DigestChallenge Challenge { get; } = challenge;

        public string HeaderName { get; } = headerName;

        public bool StaleRetried { get; } = staleRetried;

        public uint NonceCount { get; set; }
    }
}
