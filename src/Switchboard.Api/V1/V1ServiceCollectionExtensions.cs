using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Api.EventAction;
using Switchboard.Api.Timeline;
using Switchboard.Api.V1.Calls;
using Switchboard.Api.V1.Clients;
using Switchboard.Calls.Engine;

namespace Switchboard.Api.V1;

/// <summary>Services the /v1 endpoints need beyond the stores.</summary>
public static class V1ServiceCollectionExtensions
{
    public static IServiceCollection AddV1Api(this IServiceCollection services)
    {
        services.TryAddSingleton(ClientDigestOptions.Default);
        services.TryAddSingleton<EventActionCalls>();
        services.TryAddSingleton<CallTimeline>();
        services.TryAddSingleton<IInboundCallRouter, InboundApplicationRouter>();
        return services;
    }
}
