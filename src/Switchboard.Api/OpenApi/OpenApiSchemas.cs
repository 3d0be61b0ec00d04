using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>Small builders for the request shapes the hand-read dialects write into the document.</summary>
internal static class OpenApiSchemas
{
    /// <summary>Every operation of the document, with its path.</summary>
    public static IEnumerable<(string Path, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(path => (path.Value.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).Select(operation => (path.Key, operation)));

    public static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    public static OpenApiSchema Number(string description) => new() { Type = JsonSchemaType.Number, Description = description };

    public static OpenApiSchema WholeNumber(string description) => new() { Type = JsonSchemaType.Integer, Description = description };

    public static OpenApiSchema Flag(string description) => new() { Type = JsonSchemaType.Boolean, Description = description };

    public static OpenApiSchema OneOf(string description, params string[] values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
    };

    public static OpenApiSchema Map(string description) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>A hook: an http(s) URL, or <c>{url, method, username, password, fallback_url}</c>.</summary>
    public static OpenApiSchema Hook(string description) => new()
    {
        Description = description,
        OneOf =
        [
            new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            Object(
                ["url"],
                ("url", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" }),
                ("method", OneOf("POST (default) or GET", "POST", "GET")),
                ("username", Text("HTTP Basic user")),
                ("password", Text("HTTP Basic password")),
                ("fallback_url", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Takes the webhook when url fails with an error worth retrying" })),
        ],
    };

    /// <summary>A query parameter.</summary>
    public static OpenApiParameter Query(string name, OpenApiSchema schema, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Schema = schema,
    };

    /// <summary>
    /// A reference to the component schema <paramref name="name"/>, built by <paramref name="build"/> the first time,
    /// so generated clients get a type of that name rather than one numbered after its place in the document.
    /// </summary>
    public static OpenApiSchemaReference Component(OpenApiDocument document, string name, Func<OpenApiSchema> build)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        if (!document.Components.Schemas.ContainsKey(name))
        {
            document.Components.Schemas[name] = build();
        }

        return new OpenApiSchemaReference(name, document);
    }

    /// <summary>Gives <paramref name="operation"/> a required JSON body of <paramref name="schema"/>, with <paramref name="example"/>.</summary>
    public static void Body(OpenApiOperation operation, IOpenApiSchema schema, string? example = null) =>
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = schema, Example = example is null ? null : JsonNode.Parse(example) },
            },
        };

    public static OpenApiSchema Object(string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };

    /// <summary>
    /// Gives <paramref name="operation"/> the dialect's tag in place of the one the generator derived from the
    /// endpoint class's name (<see cref="TagDocumentTransformer"/> describes it), and a JSON request body of
    /// <paramref name="schema"/> with <paramref name="example"/>, taken from the dialect's page in docs/api.
    /// </summary>
    public static void Describe(OpenApiDocument document, OpenApiOperation operation, string tag, IOpenApiSchema? schema, string? example = null)
    {
        operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
        if (schema is not null)
        {
            Body(operation, schema, example);
        }
    }
}
