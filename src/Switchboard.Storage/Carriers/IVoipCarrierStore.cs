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
}
