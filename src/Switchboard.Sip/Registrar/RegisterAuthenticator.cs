using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>
/// Digest authentication of REGISTER (RFC 3261 §22.1, RFC 7616, RFC 8760): challenges with every configured
/// algorithm and checks the credentials answering one of them against the user's stored HA1.
/// </summary>
internal sealed class RegisterAuthenticator(DigestVerifier verifier, IReadOnlyList<DigestAlgorithm> algorithms)
{
    private const string AuthenticateHeader = "WWW-Authenticate";
    private const string AuthorizationHeader = "Authorization";

    /// <summary>One WWW-Authenticate per algorithm, most preferred first (RFC 8760 §2.4).</summary>
    public SipHeader[] Challenges(string realm, bool stale) =>
        [.. algorithms.Select(algorithm => SipHeader.Create(AuthenticateHeader, verifier.CreateChallenge(realm, algorithm, stale).ToString()))];

    /// <summary>
    /// Checks the request's credentials for <paramref name="realm"/>. <paramref name="user"/> is the user the To
    /// names, or null when the directory has none: such a request is challenged like any other, so a caller cannot
    /// tell unknown users from known ones before answering, and then refused.
    /// </summary>
    public RegisterAuthentication Check(SipRequest request, string aorUser, SipUserCredentials? user, string realm)
    {
        if (FindCredentials(request, realm) is not { } credentials)
        {
            return RegisterAuthentication.Challenge;
        }

        if (!algorithms.Contains(credentials.Algorithm))
        {
            return RegisterAuthentication.Challenge;
        }

        // §10.3 step 4: the authenticated user must be the one whose address-of-record is being registered.
        if (user is null || !string.Equals(credentials.Username, user.Username, StringComparison.Ordinal)
            || !string.Equals(user.Username, aorUser, StringComparison.Ordinal))
        {
            return RegisterAuthentication.Forbidden;
        }

        if (!SameTarget(credentials.Uri, request.RequestUri))
        {
            return RegisterAuthentication.UriMismatch;
        }

        var ha1 = credentials.Algorithm is DigestAlgorithm.Md5 or DigestAlgorithm.Md5Session ? user.Md5Ha1 : user.Sha256Ha1;
        return verifier.Verify(credentials, request.Method.Name, ha1, credentials.Algorithm) switch
        {
            DigestVerification.Valid => RegisterAuthentication.Authenticated,
            DigestVerification.Stale => RegisterAuthentication.StaleNonce,
            DigestVerification.WrongResponse => RegisterAuthentication.Forbidden,
            _ => RegisterAuthentication.Challenge,
        };
    }

    /// <summary>RFC 3261 §22.4: of several Authorization headers, the one for our realm.</summary>
    private static DigestCredentials? FindCredentials(SipRequest request, string realm)
    {
        foreach (var header in request.Headers)
        {
            if (header.Name.Equals(AuthorizationHeader, StringComparison.OrdinalIgnoreCase)
                && DigestCredentials.TryParse(header.ValueAsString(), out var credentials)
                && string.Equals(credentials.Realm, realm, StringComparison.Ordinal))
            {
                return credentials;
            }
        }

        return null;
    }

    /// <summary>
    /// RFC 7616 §3.4.6: the digest uri must name the Request-URI. Clients write it as they wrote the Request-URI,
    /// but a parsed comparison tolerates a differently spelled host case or a default port.
    /// </summary>
    private static bool SameTarget(string digestUri, SipUri requestUri) =>
        SipUri.TryParse(digestUri, out var uri, out _)
        && string.Equals(uri.User, requestUri.User, StringComparison.Ordinal)
        && string.Equals(uri.Host, requestUri.Host, StringComparison.OrdinalIgnoreCase)
        && uri.PortOrDefault == requestUri.PortOrDefault;
}
