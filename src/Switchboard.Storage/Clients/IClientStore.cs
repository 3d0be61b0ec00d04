using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Clients;

/// <summary>SIP clients (devices). Usernames are unique across the server: a REGISTER names no account.</summary>
public interface IClientStore
{
    Task<ClientRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    /// <summary>The client by sid, if it exists and belongs to the account.</summary>
    Task<ClientRecord?> FindAsync(string accountSid, string clientSid, CancellationToken cancellationToken);

    /// <summary>Adds the client; <see cref="WriteOutcome.Duplicate"/> when any account already has the username.</summary>
    Task<WriteOutcome> CreateAsync(ClientRecord client, CancellationToken cancellationToken);

    /// <summary>Writes the username, realm and digest hashes; <see cref="WriteOutcome.Duplicate"/> as for create.</summary>
    Task<WriteOutcome> UpdateAsync(ClientRecord client, CancellationToken cancellationToken);

    Task<WriteOutcome> DeleteAsync(string accountSid, string clientSid, CancellationToken cancellationToken);

    /// <summary>The account's clients in creation order.</summary>
    Task<Page<ClientRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken);
}
