namespace Switchboard.Storage.Applications;

/// <summary>Applications, always scoped to one account.</summary>
public interface IApplicationStore
{
    /// <summary>The application, if it exists and belongs to the account.</summary>
    Task<ApplicationRecord?> FindAsync(string accountSid, string applicationSid, CancellationToken cancellationToken);
}
