using Microsoft.AspNetCore.DataProtection;
using Switchboard.Server.Configuration;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Server.Secrets;

/// <summary>
/// Data Protection with its key ring in <c>keys/</c> of the data directory (0700), and the webhook secret and carrier
/// stores wrapped so that what they keep in the database is encrypted with it.
/// </summary>
internal static class SecretProtectionSetup
{
    public const string KeysDirectory = "keys";

    public static IServiceCollection AddStoredSecretProtection(this IServiceCollection services, SwitchboardSettings settings)
    {
        var keys = Path.Combine(settings.DataDirectory, KeysDirectory);
        PrivateFiles.EnsureDirectory(keys);
        if (!OperatingSystem.IsWindows())
        {
            // Unlike the data directory, which may be shared on purpose, the key ring is never anyone else's to read.
            File.SetUnixFileMode(keys, PrivateFiles.DirectoryMode);
        }

        services.AddDataProtection().SetApplicationName("switchboard").PersistKeysToFileSystem(new DirectoryInfo(keys));
        services.AddSingleton<StoredSecrets>();
        services.AddSingleton(provider => new SecretStores(
            provider.GetRequiredService<SqliteWebhookSecretStore>(),
            new ProtectedWebhookSecretStore(provider.GetRequiredService<SqliteWebhookSecretStore>(), provider.GetRequiredService<StoredSecrets>()),
            provider.GetRequiredService<SqliteVoipCarrierStore>(),
            new ProtectedVoipCarrierStore(provider.GetRequiredService<SqliteVoipCarrierStore>(), provider.GetRequiredService<StoredSecrets>())));
        services.AddSingleton<SqliteWebhookSecretStore>();
        services.AddSingleton<SqliteVoipCarrierStore>();
        services.AddSingleton<IWebhookSecretStore>(provider => provider.GetRequiredService<SecretStores>().Secrets);
        services.AddSingleton<IVoipCarrierStore>(provider => provider.GetRequiredService<SecretStores>().Carriers);
        services.AddSingleton<StoredSecretsMigration>();
        return services;
    }
}
