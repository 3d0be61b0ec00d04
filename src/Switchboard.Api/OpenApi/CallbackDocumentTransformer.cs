using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The Callback API's endpoints read their body by hand (to name bad fields); this writes the request shape into
/// the document and tags the operations with the dialect's name.
/// </summary>
public sealed class CallbackDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Path = "/voice/call/callback";
    private const string Tag = TagDocumentTransformer.Callback;

    /// <summary>The call-centre dialer of docs/api/callback.md.</summary>
    private const string Example = """
        {"leg_A": {"to": "+15551230001", "from": "+15559870000", "trunk": "carrier-one", "timeout": 30},
         "leg_B": {"to": "sip:agent17@10.0.0.17:5060", "from": "+15551230001", "callerName": "Customer callback", "headers": {"X-Ticket": "4711"}},
         "announcement": "Please hold while we connect you to an agent.", "record": true, "timeLimit": 1800,
         "callback": {"url": "https://example.com/callback-events", "strategy": "OnChange"}}
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths?.TryGetValue(Path, out var create) == true && create!.Operations?.TryGetValue(HttpMethod.Post, out var post) == true)
        {
            Describe(document, post!, Tag, Component(document, "CallbackRequest", RequestSchema), Example);
            post!.Description = "Answers 201 {sid, legs {leg_A {sid}, leg_B {sid}}}; leg statuses and the session's Bridged, Unbridged, Completed or Failed go to callback.url.";
        }

        if (document.Paths?.TryGetValue(Path + "/{sid}", out var one) == true && one!.Operations is { } operations)
        {
            foreach (var operation in operations.Values)
            {
                Describe(document, operation, Tag, schema: null);
            }
        }

        if (document.Paths?.TryGetValue(Path + "/{sid}/events", out var events) == true && events!.Operations?.TryGetValue(HttpMethod.Get, out var timeline) == true)
        {
            Describe(document, timeline!, Tag, schema: null);
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
