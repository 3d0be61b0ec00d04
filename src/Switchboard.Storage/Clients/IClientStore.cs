namespace Switchboard.Storage.Clients;

/// <summary>SIP clients (devices). Usernames are unique across the server: a REGISTER names no account.</summary>
public interface IClientStore
{
    Task<ClientRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken);
}
