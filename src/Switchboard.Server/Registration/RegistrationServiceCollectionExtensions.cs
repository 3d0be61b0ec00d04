using Switchboard.Api.V1.Clients;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Sip.Registrar;

namespace Switchboard.Server.Registration;

/// <summary>The registrar for SIP clients and the registrations with carriers.</summary>
public static class RegistrationServiceCollectionExtensions
{
    public static IServiceCollection AddSipRegistration(this IServiceCollection services)
    {
        services.AddSingleton<ISipCredentialDirectory, ClientCredentialDirectory>();
        services.AddSingleton(provider => new SipRegistrarOptions(provider.GetRequiredService<ClientDigestOptions>().Realm));
        services.AddSingleton(provider => new SipLocationService(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SipRegistrar>();
        services.AddSingleton(CarrierRegistrationOptions.Default);
        services.AddSingleton<CarrierRegistrationService>();
        services.AddSingleton<ICarrierRegistrations>(provider => provider.GetRequiredService<CarrierRegistrationService>());
        services.AddHostedService(provider => provider.GetRequiredService<CarrierRegistrationService>());
        return services;
    }
}
