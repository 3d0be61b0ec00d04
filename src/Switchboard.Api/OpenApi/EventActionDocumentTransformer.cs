using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// <c>POST /v1/voice/calls</c> reads its body by hand (to name bad fields), so this writes the API's "Make call"
/// request and answer into the document, and the conversation that follows as an OpenAPI callback (OpenAPI 3.1
/// §4.8.18): every event is POSTed to the request's <c>callbackUrl</c> and its answer is the next action.
/// </summary>
public sealed class EventActionDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Path = "/v1/voice/calls";
    public const string Tag = TagDocumentTransformer.EventAction;
    public const string CallbackName = "events";

    /// <summary>The request of docs/api/event-action.md.</summary>
    private const string Example = """{"callerId": "+15550001", "dialedNumber": "+15550002", "callbackUrl": "https://example.com/voice/events", "record": 0, "correlationId": "order-1234", "timeout": 30}""";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths?.TryGetValue(Path + "/{sessionId}/events", out var events) == true && events!.Operations?.TryGetValue(HttpMethod.Get, out var timeline) == true)
        {
            Describe(document, timeline!, Tag, schema: null);
        }

        if (document.Paths?.TryGetValue(Path, out var item) != true || item!.Operations?.TryGetValue(HttpMethod.Post, out var operation) != true)
        {
            return Task.CompletedTask;
        }

        EventActionSchemas.AddTo(document);
        Describe(document, operation!, Tag, Component(document, "MakeCallRequest", RequestSchema), Example);
        operation!.Description = $"""
            Answers 202 with sessionId (named by every event of the call) and correlationId; nothing is dialled when a field is invalid (400 naming it).
            Once the call is answered, ANSWERED is posted to callbackUrl; each event's answer is the next action, whose result is the next event
            (#/components/schemas/{EventActionSchemas.Event}, #/components/schemas/{EventActionSchemas.Action}). Every call ends with exactly one DROPPED.
            Inbound calls follow the same API: a PhoneNumbers entry with callback_url is offered its calls with ACCEPTED.
            """;
        operation.Responses ??= [];
        operation.Responses["202"] = new OpenApiResponse
        {
            Description = "The call is placed",
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Component(document, "MakeCallResponse", ResponseSchema) } },
        };
        operation.Responses["400"] = new OpenApiResponse { Description = "A field is missing or invalid: the problem names it in field; nothing is dialled" };
        operation.Responses["422"] = new OpenApiResponse { Description = "dialedNumber cannot be routed (no carrier), or an Idempotency-Key was used with another body" };
        operation.Responses["429"] = new OpenApiResponse { Description = "The account places more calls per second, or has more live calls, than it may (Retry-After)" };
        operation.Responses["503"] = new OpenApiResponse { Description = "No media port is free, or the server is full or shutting down (Retry-After)" };
        operation.Callbacks = new Dictionary<string, IOpenApiCallback>(StringComparer.Ordinal) { [CallbackName] = EventsCallback(document) };
        return Task.CompletedTask;
    }

    /// <summary>The events the call posts to <c>callbackUrl</c>, and the answer each expects.</summary>
    private static OpenApiCallback EventsCallback(OpenApiDocument document)
    {
        var post = new OpenApiOperation
        {
            Summary = "An event of the call; the answer is the next action",
            Description = """
                Posted one at a time, in order, signed (Switchboard-Signature), with SWITCHBOARD_WEBHOOK_TIMEOUT (default 5 s) to answer.
                An empty body or {} is no action: the call ends (after VMDETECTED it goes on). An answer that is no valid action gets a FAILURE
                event naming the field, whose answer is a second chance; a second invalid answer, an error status or no answer in time ends the call.
                DROPPED, the last event of every call, is delivered through the durable outbox (retried, also after a restart) and its answer is not read.
                """,
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = EventActionSchemas.Ref(EventActionSchemas.Event, document) } },
            },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "The next action (any 2xx); an empty body or {} for none",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = EventActionSchemas.Ref(EventActionSchemas.Action, document) } },
                },
            },
        };
        var callback = new OpenApiCallback();
        callback.AddPathItem(RuntimeExpression.Build("{$request.body#/callbackUrl}"), new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = post },
        });
        return callback;
    }

    private static OpenApiSchema RequestSchema()
    {
        var schema = Object(
            ["callerId", "dialedNumber", "callbackUrl"],
            ("callerId", Text("The calling number the callee sees (a phone number or SIP user name)")),
            ("dialedNumber", Text("The number to call: digits, optionally with a leading +")),
            ("callbackUrl", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "Where every event of the call is posted (http or https); each answer is the next action" }),
            ("record", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Record the whole call: 0 until it ends, else for this many seconds (at most 86400); not recorded when absent" }),
            ("correlationId", Text("The application's own id (at most 256 characters), echoed in every event")),
            ("timeout", new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "Seconds to ring, 1-600 (default 60)" }),
            ("trunk", Text("Switchboard extension: the carrier (a VoipCarriers name) to call through; SWITCHBOARD_DEFAULT_CARRIER when absent")));
        schema.Examples =
        [
            JsonNode.Parse("""{"callerId": "+15550001", "dialedNumber": "+15550002", "callbackUrl": "https://example.com/voice/events", "record": 0, "correlationId": "order-1234", "timeout": 30}""")!,
        ];
        return schema;
    }

    private static OpenApiSchema ResponseSchema() => Object(
        ["sessionId"],
        ("sessionId", Text("The call's id: every event carries it as sessionId (it is also the call's sid in the Calls API)")),
        ("correlationId", new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The request's correlationId (null when it had none)" }));
}
