using Switchboard.Storage;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Paging;

namespace Switchboard.Server.Secrets;

/// <summary>The carrier store with digest passwords encrypted at rest and given back in clear to SIP and the API.</summary>
internal sealed class ProtectedVoipCarrierStore(IVoipCarrierStore inner, StoredSecrets secrets) : IVoipCarrierStore
{
    public async Task<VoipCarrierRecord?> FindByNameAsync(string accountSid, string name, CancellationToken cancellationToken) =>
        ClearOrNull(await inner.FindByNameAsync(accountSid, name, cancellationToken).ConfigureAwait(false));

    public async Task<VoipCarrierRecord?> FindAsync(string accountSid, string carrierSid, CancellationToken cancellationToken) =>
        ClearOrNull(await inner.FindAsync(accountSid, carrierSid, cancellationToken).ConfigureAwait(false));

    public async Task<IReadOnlyList<VoipCarrierRecord>> ListAllAsync(CancellationToken cancellationToken) =>
        [.. (await inner.ListAllAsync(cancellationToken).ConfigureAwait(false)).Select(Clear)];

    public Task<WriteOutcome> CreateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken) =>
        inner.CreateAsync(Stored(carrier), cancellationToken);

    public Task<WriteOutcome> UpdateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken) =>
        inner.UpdateAsync(Stored(carrier), cancellationToken);

    public Task<WriteOutcome> DeleteAsync(string accountSid, string carrierSid, CancellationToken cancellationToken) =>
        inner.DeleteAsync(accountSid, carrierSid, cancellationToken);

    public async Task<Page<VoipCarrierRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken)
    {
        var listed = await inner.ListAsync(accountSid, page, cancellationToken).ConfigureAwait(false);
        return listed with { Items = [.. listed.Items.Select(Clear)] };
    }

    /// <summary>The carrier as stored: its password protected (one already protected stays as it is).</summary>
    public VoipCarrierRecord Stored(VoipCarrierRecord carrier) => carrier with { Password = secrets.ProtectOrNull(carrier.Password) };

    private VoipCarrierRecord Clear(VoipCarrierRecord carrier) => carrier with { Password = secrets.UnprotectOrNull(carrier.Password) };

    private VoipCarrierRecord? ClearOrNull(VoipCarrierRecord? carrier) => carrier is null ? null : Clear(carrier);
}
