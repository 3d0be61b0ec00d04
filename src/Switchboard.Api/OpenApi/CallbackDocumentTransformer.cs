using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The Callback API's endpoints read their body by hand (to name bad fields); this writes the request shape of
/// seeds 000/001 into the document and tags the three operations with the dialect's name.
/// </summary>
public sealed class CallbackDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Path = "/voice/call/callback";
    private const string Tag = "Callback";
    private const string TagDescription = "The Callback API (seeds 000 and 001): two parties connected";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths?.TryGetValue(Path, out var create) == true && create!.Operations?.TryGetValue(HttpMethod.Post, out var post) == true)
        {
            Describe(document, post!, Tag, TagDescription, RequestSchema());
            post!.Summary = "Connect two parties, called one after the other or at once";
            post.Description = "Answers 201 {sid, legs {leg_A {sid}, leg_B {sid}}}; leg statuses and the session's Bridged, Unbridged, Completed or Failed go to callback.url.";
        }

        if (document.Paths?.TryGetValue(Path + "/{sid}", out var one) == true && one!.Operations is { } operations)
        {
            foreach (var (method, operation) in operations)
            {
                Describe(document, operation, Tag, TagDescription, schema: null);
                operation.Summary = method == HttpMethod.Delete ? "End a session: both legs hung up or canceled" : "A session and both its legs";
            }
        }

        if (document.Paths?.TryGetValue(Path + "/{sid}/events", out var events) == true && events!.Operations?.TryGetValue(HttpMethod.Get, out var timeline) == true)
        {
            Describe(document, timeline!, Tag, TagDescription, schema: null);
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema RequestSchema() => Object(
        ["leg_A", "leg_B"],
        ("leg_A", Leg()),
        ("leg_B", Leg()),
        ("mode", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("sequential"), JsonValue.Create("simultaneous")], Description = "sequential (default): the second leg is called once the first answered" }),
        ("first", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("leg_A"), JsonValue.Create("leg_B")], Description = "The leg called first in sequential mode (default leg_A)" }),
        ("announcement", Text("Text said (or an audio URL played) to the first party to answer while the other is called")),
        ("holdAudio", Text("An audio URL looped to the waiting party; ringback when absent")),
        ("record", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "Record the bridged call as a stereo WAV (leg_A left, leg_B right)" }),
        ("timeLimit", Number("The longest, in seconds, the two may talk")),
        ("callback", Object(
            ["url"],
            ("url", Text("Receives leg statuses and the session's events")),
            ("strategy", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("OnChange"), JsonValue.Create("OnCompletion")] }))));

    private static OpenApiSchema Leg() => Object(
        ["to"],
        ("to", Text("A phone number (routed through carriers) or a sip: URI")),
        ("from", Text("The caller ID this party sees")),
        ("callerName", Text("The display name this party sees")),
        ("trunk", Text("The carrier to route a phone number through")),
        ("timeout", Number("Seconds to ring")),
        ("headers", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "SIP headers added to the INVITE" }),
        ("tag", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Application data" }));
}
