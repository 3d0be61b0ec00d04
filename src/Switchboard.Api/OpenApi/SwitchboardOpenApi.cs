using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The API description: an OpenAPI document at <see cref="DocumentPath"/> built from the mapped endpoints, and
/// Swagger UI at <see cref="DocsPath"/>. Both are served without a key (see the bearer middleware's public paths).
/// </summary>
public static class SwitchboardOpenApi
{
    public const string DocumentPath = "/openapi.json";
    public const string DocsPath = "/docs";

    public static IServiceCollection AddSwitchboardOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<NumberSchemaTransformer>();
            options.AddOperationTransformer<PathParameterTransformer>();
            options.AddOperationTransformer<OperationIdTransformer>();
            options.AddDocumentTransformer<SwitchboardDocumentTransformer>();
            options.AddDocumentTransformer<ConversationDocumentTransformer>();
            options.AddDocumentTransformer<CallbackDocumentTransformer>();
            options.AddDocumentTransformer<EventActionDocumentTransformer>();
            options.AddDocumentTransformer<SnakeCaseDocumentTransformer>();
            options.AddDocumentTransformer<ProblemDocumentTransformer>();
            options.AddDocumentTransformer<TagDocumentTransformer>();
        });
        return services;
    }

    /// <summary>Maps the document and the browsable docs.</summary>
    public static WebApplication MapSwitchboardOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = DocsPath.TrimStart('/');
            options.SwaggerEndpoint(DocumentPath, "Switchboard");
            options.DocumentTitle = "Switchboard API";
        });
        return app;
    }
}
