using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Declares every <c>{name}</c> of an operation's path that the operation does not declare itself. Group routes
/// (<c>/v1/Accounts/{account_sid}</c>) and handlers that read the route by hand bind no parameter of that name, so
/// the generator leaves it out, and Swagger UI would send a literal <c>{account_sid}</c>.
/// </summary>
public sealed class PathParameterTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["account_sid"] = "The account's sid: an account key may name only its own account, an admin key any",
        ["call_sid"] = "The call's sid, as the create answered it",
        ["conversationTrackingId"] = "The conversationTrackingId the create answered",
        ["trackingId"] = "A conversation's trackingId, or an escalation's conversationTrackingId",
        ["sid"] = "The session's sid, as the create answered it",
        ["sessionId"] = "The sessionId the create answered (or an inbound call's, from its ACCEPTED event)",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var name in RouteParameters(context.Description.RelativePath ?? string.Empty))
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(parameter => parameter.In == ParameterLocation.Path && parameter.Name == name))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Description = Descriptions.GetValueOrDefault(name) ?? Describe(name),
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        return Task.CompletedTask;
    }

    /// <summary>The parameter names of a route template, without constraints (<c>{id:int}</c> is <c>id</c>).</summary>
    public static IEnumerable<string> RouteParameters(string template)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                yield break;
            }

            var name = template[(open + 1)..close];
            yield return name.Split(':', '=', '?')[0].TrimStart('*');
            open = template.IndexOf('{', close);
        }
    }

    /// <summary><c>phone_number_sid</c> reads "The phone number's sid".</summary>
    private static string Describe(string name) => name.EndsWith("_sid", StringComparison.Ordinal)
        ? $"The {name[..^4].Replace('_', ' ')}'s sid"
        : $"The {name}";
}
