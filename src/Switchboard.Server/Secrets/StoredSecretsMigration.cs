using Switchboard.Storage.Carriers;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Server.Secrets;

/// <summary>
/// At start, before anything reads them for use: rewrites every webhook secret and carrier password still stored in
/// clear (written before they were protected) in its protected form. A value already protected is left alone, so a
/// second start finds nothing to do.
/// </summary>
internal sealed class StoredSecretsMigration(SecretStores stores, ILogger<StoredSecretsMigration> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var rewritten = 0;
        foreach (var record in await stores.PlainSecrets.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!StoredSecrets.IsProtected(record.Secret) || (record.PreviousSecret is not null && !StoredSecrets.IsProtected(record.PreviousSecret)))
            {
                await stores.PlainSecrets.ReplaceAsync(stores.Secrets.Stored(record), cancellationToken).ConfigureAwait(false);
                rewritten++;
            }
        }

        foreach (var carrier in await stores.PlainCarriers.ListAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (carrier.Password is not null && !StoredSecrets.IsProtected(carrier.Password))
            {
                await stores.PlainCarriers.UpdateAsync(stores.Carriers.Stored(carrier), cancellationToken).ConfigureAwait(false);
                rewritten++;
            }
        }

        if (rewritten > 0)
        {
            Log.SecretsProtected(logger, rewritten);
        }
    }
}

/// <summary>The stores as the database has them (<c>Plain*</c>) and their protecting wrappers.</summary>
internal sealed record SecretStores(
    IWebhookSecretStore PlainSecrets, ProtectedWebhookSecretStore Secrets, IVoipCarrierStore PlainCarriers, ProtectedVoipCarrierStore Carriers);
