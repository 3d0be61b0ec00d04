using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Applications;

/// <summary>Applications, always scoped to one account.</summary>
public interface IApplicationStore
{
    /// <summary>The application, if it exists and belongs to the account.</summary>
    Task<ApplicationRecord?> FindAsync(string accountSid, string applicationSid, CancellationToken cancellationToken);

    Task CreateAsync(ApplicationRecord application, CancellationToken cancellationToken);

    /// <summary>Writes every field but the sid, account and creation time.</summary>
    Task<WriteOutcome> UpdateAsync(ApplicationRecord application, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the application; <see cref="WriteOutcome.InUse"/> while a phone number still routes to it, so an
    /// inbound call never finds a number pointing at nothing.
    /// </summary>
    Task<WriteOutcome> DeleteAsync(string accountSid, string applicationSid, CancellationToken cancellationToken);

    /// <summary>The account's applications in creation order.</summary>
    Task<Page<ApplicationRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken);
}
