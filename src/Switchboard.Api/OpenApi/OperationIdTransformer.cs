using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// Gives every operation without one an <c>operationId</c> read from its method and path, so generated clients get
/// stable method names: <c>GET /v1/Accounts/{account_sid}/Calls/{call_sid}</c> is <c>getAccountCall</c>,
/// <c>POST /voice/conversation</c> is <c>postVoiceConversation</c>. A collection named by a sid that follows it is
/// singular (<c>Calls/{call_sid}</c> reads <c>Call</c>); the version prefix is left out.
/// </summary>
public sealed class OperationIdTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(operation.OperationId))
        {
            operation.OperationId = Of(context.Description.HttpMethod ?? "GET", context.Description.RelativePath ?? string.Empty);
        }

        return Task.CompletedTask;
    }

    public static string Of(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != "v1").ToArray();
        var words = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                continue;
            }

            var namedBySid = i + 1 < segments.Length && segments[i + 1].StartsWith('{');
            var word = namedBySid && segments[i].Length > 1 && segments[i].EndsWith('s') ? segments[i][..^1] : segments[i];
            words.Add(char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]);
        }

        return method.ToLowerInvariant() + string.Concat(words);
    }
}
