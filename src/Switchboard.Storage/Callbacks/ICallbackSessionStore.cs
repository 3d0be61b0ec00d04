namespace Switchboard.Storage.Callbacks;

/// <summary>Callback sessions, kept after they end so they can still be read.</summary>
public interface ICallbackSessionStore
{
    Task InsertAsync(CallbackSessionRecord session, CancellationToken cancellationToken);

    /// <summary>Writes the session's mutable columns (status, outcome, recording, times).</summary>
    Task UpdateAsync(CallbackSessionRecord session, CancellationToken cancellationToken);

    /// <summary>
    /// Ends every session not yet <paramref name="completedStatus"/> or <paramref name="failedStatus"/> as failed with
    /// <paramref name="reason"/> (start-up after a crash); returns how many.
    /// </summary>
    Task<int> FailUnfinishedAsync(string completedStatus, string failedStatus, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The session, if it exists and belongs to the account.</summary>
    Task<CallbackSessionRecord?> FindAsync(string accountSid, string sessionSid, CancellationToken cancellationToken);
}
