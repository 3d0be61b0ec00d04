using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Clients;

namespace Switchboard.Api.V1.Clients;

/// <summary>
/// Reads a client body onto a record. The password is turned into digest hashes here and never kept. Since the
/// hashes cover the username, a new username needs the password again.
/// </summary>
public static class ClientReader
{
    public const int MinPasswordLength = 8;
    private const int MaxUsernameLength = 64;
    private const int MaxPasswordLength = 128;

    // RFC 3261 §25.1 user: unreserved and user-unreserved characters, no escapes, no ':' or '@'.
    private const string UserSymbols = "-_.!~*'()&=+$,;?/";

    public static ClientRecord Blank(string accountSid, DateTimeOffset createdAt) =>
        new(Guid.NewGuid().ToString(), accountSid, string.Empty, string.Empty, [], [], createdAt);

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static ClientRecord Read(JsonElement body, ClientRecord current, bool creating, ClientDigestOptions digest)
    {
        var username = creating || V1Fields.Has(body, "username") ? Username(V1Fields.RequireText(body, "username", MaxUsernameLength)) : current.Username;
        var password = creating || V1Fields.Has(body, "password") || username != current.Username
            ? V1Fields.RequireText(body, "password", MaxPasswordLength)
            : null;
        if (password is null)
        {
            return current;
        }

        if (password.Length < MinPasswordLength)
        {
            throw new ValidationException("password", $"must be at least {MinPasswordLength} characters");
        }

        return current with
        {
            Username = username,
            Realm = digest.Realm,
            Md5Ha1 = DigestHa1.Md5(username, digest.Realm, password),
            Sha256Ha1 = DigestHa1.Sha256(username, digest.Realm, password),
        };
    }

    private static string Username(string username)
    {
        foreach (var c in username)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !UserSymbols.Contains(c, StringComparison.Ordinal))
            {
                throw new ValidationException("username", $"may contain only letters, digits and {UserSymbols}");
            }
        }

        return username;
    }
}
