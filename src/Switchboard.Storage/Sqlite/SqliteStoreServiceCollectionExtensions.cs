using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Storage.Applications;
using Switchboard.Storage.Callbacks;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Clients;
using Switchboard.Storage.Escalations;
using Switchboard.Storage.PhoneNumbers;
using Switchboard.Storage.Recordings;
using Switchboard.Storage.Resilience;
using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// Registers the account resource stores (applications, numbers, carriers, clients, recordings, speech credentials,
/// callback sessions, escalations) on the embedded database; a live callback session's writes outlast a failing store
/// (<see cref="DeferredWrites"/>).
/// </summary>
public static class SqliteStoreServiceCollectionExtensions
{
    /// <summary>Needs a <see cref="SqliteDatabase"/> registered already.</summary>
    public static IServiceCollection AddSqliteResourceStores(this IServiceCollection services)
    {
        services.AddSingleton<IApplicationStore, SqliteApplicationStore>();
        services.AddSingleton<IPhoneNumberStore, SqlitePhoneNumberStore>();
        services.AddSingleton<IVoipCarrierStore, SqliteVoipCarrierStore>();
        services.AddSingleton<IClientStore, SqliteClientStore>();
        services.AddSingleton<IRecordingStore, SqliteRecordingStore>();
        services.AddSingleton<ISpeechCredentialStore, SqliteSpeechCredentialStore>();
        services.TryAddSingleton<DeferredWrites>();
        services.AddSingleton<SqliteCallbackSessionStore>();
        services.AddSingleton<ICallbackSessionStore>(provider => new ResilientCallbackSessionStore(
            provider.GetRequiredService<SqliteCallbackSessionStore>(), provider.GetRequiredService<DeferredWrites>()));
        services.AddSingleton<IEscalationStore, SqliteEscalationStore>();
        return services;
    }
}
