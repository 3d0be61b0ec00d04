using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Api.V1.Clients;

namespace Switchboard.Api.V1;

/// <summary>Services the /v1 endpoints need beyond the stores.</summary>
public static class V1ServiceCollectionExtensions
{
    public static IServiceCollection AddV1Api(this IServiceCollection services)
    {
        services.TryAddSingleton(ClientDigestOptions.Default);
        // The API description reads request and response shapes through the HTTP JSON options; putting the
        // snake_case context first makes it describe them as they go over the wire.
        services.Configure<JsonOptions>(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, V1JsonContext.Default));
        return services;
    }
}
