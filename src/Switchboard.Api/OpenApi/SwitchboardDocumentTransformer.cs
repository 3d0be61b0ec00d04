using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Switchboard.Api.Auth;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Titles the document, declares the bearer API key every operation but the public ones needs, and names the
/// server without a trailing slash (paths start with one).
/// </summary>
public sealed class SwitchboardDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Switchboard API",
            Version = "v1",
            Description = """
                Four API dialects over one engine: the Calls API (jambonz compatible, /v1, snake_case), the Conversation API
                (/voice/conversation), the Callback API (/voice/call/callback) and the event/action API (/v1/voice/calls, camelCase:
                events posted to a callback URL, actions in the answers). Webhooks are signed (Switchboard-Signature); the C# client
                package Switchboard.Client calls every dialect and verifies them.
                Authenticate with `Authorization: Bearer <api key>`. Errors are application/problem+json; a 400 names
                the offending field in `field`. Lists are JSON arrays paged with `?limit=` (1-500, default 100) and
                `?cursor=`; the next page is in the `Link` header (rel="next") and its cursor in `X-Next-Cursor`.
                """,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key: admin keys act on every account, account keys on their own.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        foreach (var (path, operation) in OpenApiSchemas.Operations(document))
        {
            if (BearerAuthenticationMiddleware.PublicPaths.Any(open => open.Value == path))
            {
                operation.Security = [];
            }
        }

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";
        }

        return Task.CompletedTask;
    }
}
