using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Calls;

/// <summary>Calls and their ordered events.</summary>
public interface ICallStore
{
    Task InsertAsync(CallRecord call, CancellationToken cancellationToken);

    /// <summary>Writes the call's mutable columns (status, SIP Call-ID, SIP status, answer and end times).</summary>
    Task UpdateAsync(CallRecord call, CancellationToken cancellationToken);

    Task AppendEventAsync(CallEventRecord callEvent, CancellationToken cancellationToken);

    /// <summary>The call, if it exists and belongs to the account.</summary>
    Task<CallRecord?> FindAsync(string accountSid, string callSid, CancellationToken cancellationToken);

    /// <summary>The account's most recent calls, newest first.</summary>
    Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, int limit, CancellationToken cancellationToken);

    /// <summary>The account's most recent calls that match <paramref name="filter"/>, newest first.</summary>
    Task<IReadOnlyList<CallRecord>> ListAsync(string accountSid, CallFilter filter, int limit, CancellationToken cancellationToken);

    /// <summary>The matching calls from the <paramref name="offset"/>th newest on, at most <paramref name="count"/>, and how many match.</summary>
    Task<CallPage> PageAsync(string accountSid, CallFilter filter, int offset, int count, CancellationToken cancellationToken);

    /// <summary>
    /// The account's calls that match <paramref name="filter"/>, newest first, a page at a time: at most
    /// <see cref="PageRequest.Limit"/> (up to <see cref="MaxListLimit"/>) after <see cref="PageRequest.Cursor"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The cursor is not one this store issued.</exception>
    Task<Page<CallRecord>> ListPageAsync(string accountSid, CallFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>The largest page <see cref="ListPageAsync"/> returns.</summary>
    const int MaxListLimit = 1000;

    /// <summary>How many of the account's calls are in one of <paramref name="liveStatuses"/>, by direction.</summary>
    Task<IReadOnlyDictionary<string, int>> CountLiveByDirectionAsync(string accountSid, IReadOnlyList<string> liveStatuses, CancellationToken cancellationToken);

    Task<IReadOnlyList<CallEventRecord>> ListEventsAsync(string callSid, CancellationToken cancellationToken);

    /// <summary>The calls of every account whose status is one of <paramref name="statuses"/>, oldest first.</summary>
    Task<IReadOnlyList<CallRecord>> ListInStatusAsync(IReadOnlyList<string> statuses, CancellationToken cancellationToken);
}
