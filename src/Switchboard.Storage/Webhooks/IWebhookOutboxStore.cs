using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Webhooks;

/// <summary>
/// The durable webhook outbox: messages are written before they are sent and removed once delivered; given-up
/// messages stay, listed per account. Beside them, the calls whose final status is still owed.
/// </summary>
public interface IWebhookOutboxStore
{
    /// <summary>Records that the call's final status is owed; a second registration of the same call is ignored.</summary>
    Task OweFinalStatusAsync(OwedFinalStatus owed, CancellationToken cancellationToken);

    /// <summary>Stores a message to send and returns its id.</summary>
    Task<long> AddAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: stores the call's final status message (when it has one) and settles the debt, so a
    /// crash leaves either both or neither. Returns the message's id, or 0 without a message.
    /// </summary>
    Task<long> SettleFinalStatusAsync(string callSid, OutboxMessage? final, CancellationToken cancellationToken);

    /// <summary>Notes a failed attempt, when the first one was made, and when the next one is due.</summary>
    Task RecordRetryAsync(long id, int attempts, DateTimeOffset firstAttemptAt, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>Removes a delivered message.</summary>
    Task DeleteDeliveredAsync(long id, CancellationToken cancellationToken);

    /// <summary>Marks a message given up; it stays for <see cref="ListFailuresAsync"/>.</summary>
    Task GiveUpAsync(long id, int attempts, string error, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Every message not yet delivered nor given up, by call and then in the order written.</summary>
    Task<IReadOnlyList<OutboxMessage>> ListPendingAsync(CancellationToken cancellationToken);

    /// <summary>Every call whose final status is still owed.</summary>
    Task<IReadOnlyList<OwedFinalStatus>> ListOwedFinalStatusesAsync(CancellationToken cancellationToken);

    /// <summary>The account's given-up messages, oldest first; only one call's when <paramref name="callSid"/> is set.</summary>
    Task<Page<OutboxFailure>> ListFailuresAsync(string accountSid, string? callSid, PageRequest page, CancellationToken cancellationToken);
}
