namespace Switchboard.Storage.Callbacks;

/// <summary>Callback sessions, kept after they end so they can still be read.</summary>
public interface ICallbackSessionStore
{
    Task InsertAsync(CallbackSessionRecord session, CancellationToken cancellationToken);

    /// <summary>Writes the session's mutable columns (status, outcome, recording, times).</summary>
    Task UpdateAsync(CallbackSessionRecord session, CancellationToken cancellationToken);

    /// <summary>The session, if it exists and belongs to the account.</summary>
    Task<CallbackSessionRecord?> FindAsync(string accountSid, string sessionSid, CancellationToken cancellationToken);
}
