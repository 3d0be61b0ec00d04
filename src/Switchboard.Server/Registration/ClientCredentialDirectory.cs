using Switchboard.Sip.Registrar;
using Switchboard.Storage.Clients;

namespace Switchboard.Server.Registration;

/// <summary>The registrar's users are the SIP clients of every account; usernames are unique across the server.</summary>
internal sealed class ClientCredentialDirectory(IClientStore clients) : ISipCredentialDirectory
{
    public async ValueTask<SipUserCredentials?> FindAsync(string username, CancellationToken cancellationToken)
    {
        var client = await clients.FindByUsernameAsync(username, cancellationToken).ConfigureAwait(false);
        return client is null
            ? null
            : new SipUserCredentials(client.Username, client.Realm, Convert.ToHexStringLower(client.Md5Ha1), Convert.ToHexStringLower(client.Sha256Ha1));
    }
}
