using System.Collections.Concurrent;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Registrar;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>The users a test's registrar knows, with their HA1s computed as the Clients API stores them.</summary>
sealed class InMemoryDirectory : ISipCredentialDirectory
{
    readonly ConcurrentDictionary<string, SipUserCredentials> _users = new();

    public void Add(string username, string password, string realm = RegistrarFixture.Realm) =>
        _users[username] = new SipUserCredentials(
            username,
            realm,
            DigestHash.Ha1(DigestAlgorithm.Md5, username, realm, password),
            DigestHash.Ha1(DigestAlgorithm.Sha256, username, realm, password));

    public ValueTask<SipUserCredentials?> FindAsync(string username, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_users.GetValueOrDefault(username));
}
