using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// <c>POST /voice/conversation</c> reads its body by hand (to name bad fields), so the endpoint carries no body type
/// for the generator to describe; this writes the request shape of seed 002 into the document instead.
/// </summary>
public sealed class ConversationDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Path = "/voice/conversation";
    private const string Tag = "Conversation";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths?.TryGetValue(Path, out var item) != true || item!.Operations?.TryGetValue(HttpMethod.Post, out var operation) != true)
        {
            return Task.CompletedTask;
        }

        // The generator tags it with the endpoint class's name; the dialect's name reads better in the docs.
        var generated = operation!.Tags?.Select(tag => tag.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var stale in document.Tags?.Where(tag => generated.Contains(tag.Name)).ToArray() ?? [])
        {
            document.Tags!.Remove(stale);
        }

        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = Tag, Description = "The Conversation API (seed 002)" });
        operation.Tags = new HashSet<OpenApiTagReference> { new(Tag, document) };
        operation.Summary = "Place a call that runs a dial plan (Conversation API)";
        operation.Description = "Answers 200 with trackingId and conversationTrackingId; status changes go to callback.url.";
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = RequestSchema() } },
        };
        return Task.CompletedTask;
    }

    private static OpenApiSchema RequestSchema() => Object(
        ["from", "to", "dialPlan"],
        ("from", Text("The caller's number")),
        ("to", Object(["phone"], ("phone", Text("The number to call: digits, optionally with a leading +")))),
        ("dialPlan", Object(["verbs"], ("verbs", new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "PAUSE {duration}, SAY {message {text, gender, language}, bargeIn}, PLAY {fileUrl, bargeIn}, COLLECT {eventUrl, maxDigits, submitOnHash, timeout}, DIAL {to, from}",
            Items = Object(["type"], ("type", new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = [JsonValue.Create("PAUSE"), JsonValue.Create("SAY"), JsonValue.Create("PLAY"), JsonValue.Create("COLLECT"), JsonValue.Create("DIAL")],
            })),
        }))),
        ("callback", Object(
            ["url"],
            ("url", Text("Receives status changes")),
            ("strategy", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("OnChange"), JsonValue.Create("OnCompletion")] }))),
        ("timeout", new OpenApiSchema { Type = JsonSchemaType.Number, Description = "Seconds to ring, 1-600 (default 60)" }));

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Object(string[] required, params (string Name, IOpenApiSchema Schema)[] properties) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string>(required, StringComparer.Ordinal),
        Properties = properties.ToDictionary(p => p.Name, p => p.Schema, StringComparer.Ordinal),
    };
}
