using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Carriers;

/// <summary>The SIP trunks of each account.</summary>
public interface IVoipCarrierStore
{
    /// <summary>The account's carrier with this name (the Calls API's <c>to.trunk</c>), if any.</summary>
    Task<VoipCarrierRecord?> FindByNameAsync(string accountSid, string name, CancellationToken cancellationToken);

    /// <summary>The carrier by sid, if it exists and belongs to the account.</summary>
    Task<VoipCarrierRecord?> FindAsync(string accountSid, string carrierSid, CancellationToken cancellationToken);

    /// <summary>Every carrier of every account (inbound source checks and registrations need them all).</summary>
    Task<IReadOnlyList<VoipCarrierRecord>> ListAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds the carrier; <see cref="WriteOutcome.Duplicate"/> when the account already has one of that name.</summary>
    Task<WriteOutcome> CreateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken);

    /// <summary>Writes every field but the sid, account and creation time; <see cref="WriteOutcome.Duplicate"/> as for create.</summary>
    Task<WriteOutcome> UpdateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken);

    /// <summary>Deletes the carrier; <see cref="WriteOutcome.InUse"/> while a phone number is tied to it.</summary>
    Task<WriteOutcome> DeleteAsync(string accountSid, string carrierSid, CancellationToken cancellationToken);

    /// <summary>The account's carriers in creation order.</summary>
    Task<Page<VoipCarrierRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken);
}
