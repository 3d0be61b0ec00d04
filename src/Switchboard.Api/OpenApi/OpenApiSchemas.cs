using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>Small builders for the request shapes the hand-read dialects write into the document.</summary>
internal static class OpenApiSchemas
{
    public static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    public static OpenApiSchema Number(string description) => new() { Type = JsonSchemaType.Number, Description = description };

    public static OpenApiSchema Object(string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    /// <summary>
    /// Gives <paramref name="operation"/> the dialect's tag in place of the one the generator derived from the
    /// endpoint class's name, and a JSON request body of <paramref name="schema"/>.
    /// </summary>
    public static void Describe(OpenApiDocument document, OpenApiOperation operation, string tag, string tagDescription, OpenApiSchema? schema)
    {
        var generated = operation.Tags?.Select(t => t.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var stale in document.Tags?.Where(t => generated.Contains(t.Name) && t.Name != tag).ToArray() ?? [])
        {
            document.Tags!.Remove(stale);
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == tag))
        {
            document.Tags.Add(new OpenApiTag { Name = tag, Description = tagDescription });
        }

        operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        if (schema is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
        }
    }
}
