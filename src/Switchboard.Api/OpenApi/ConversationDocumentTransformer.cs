using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// <c>POST /voice/conversation</c> reads its body by hand (to name bad fields), so the endpoint carries no body type
/// for the generator to describe; this writes the request shape into the document instead, with the
/// escalation extension and its <c>GET</c> and <c>DELETE</c>.
/// </summary>
public sealed class ConversationDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Path = "/voice/conversation";
    private const string Tag = TagDocumentTransformer.Conversation;

    /// <summary>The request of docs/api/conversation.md.</summary>
    private const string Example = """
        {"from": "123", "to": {"phone": "+306970000001"}, "dialPlan": {"verbs": [
          {"type": "PAUSE", "duration": 1},
          {"type": "PLAY", "fileUrl": "https://example.com/audio/chime.mp3"},
          {"type": "SAY", "message": {"text": "here you can define your ticket", "gender": "male", "language": "en-US"}},
          {"type": "SAY", "message": {"text": "Press one to accept or two to reject", "gender": "female", "language": "en-US"}, "bargeIn": true},
          {"type": "PAUSE", "duration": 10},
          {"type": "COLLECT", "eventUrl": "https://example.com/collect", "maxDigits": 1}]},
         "callback": {"url": "https://example.com/status", "strategy": "OnChange"}}
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Paths?.TryGetValue(Path, out var item) == true && item!.Operations?.TryGetValue(HttpMethod.Post, out var operation) == true)
        {
            OpenApiSchemas.Describe(document, operation!, Tag, Component(document, "ConversationRequest", RequestSchema), Example);
            operation!.Description = "Answers 200 with trackingId and conversationTrackingId; status changes go to callback.url. With an "
                + "escalation, trackingId is the first attempt's call, each attempt's statuses carry its own messageId, and outcome "
                + "posts {conversationTrackingId, outcome {name, updatedDate}, recipient, attempt, attempts} go to callback.url: "
                + "Rejected for a person's reject key, then exactly one final Accepted, NoAnswer or Stopped.";
        }

        if (document.Paths?.TryGetValue(Path + "/{conversationTrackingId}", out var one) == true && one!.Operations is { } operations)
        {
            foreach (var (method, escalation) in operations)
            {
                OpenApiSchemas.Describe(document, escalation, Tag, schema: null);
                escalation.Description = method == HttpMethod.Delete
                    ? "Hangs up its live call and calls nobody else; the final outcome Stopped is posted once. 204; an ended escalation stays as it is; 404 for an unknown id or another account's."
                    : "Its state (Running, Ended), final outcome (Accepted, NoAnswer, Stopped), plan, next attempt's time and every attempt {recipient, attempt, messageId, result, startedAt, endedAt}; 404 for an unknown id, a plain conversation or another account's.";
            }
        }

        if (document.Paths?.TryGetValue(Path + "/{trackingId}/events", out var events) == true && events!.Operations?.TryGetValue(HttpMethod.Get, out var timeline) == true)
        {
            OpenApiSchemas.Describe(document, timeline!, Tag, schema: null);
        }

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
            Items = Object(
                ["type"],
                ("type", new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [JsonValue.Create("PAUSE"), JsonValue.Create("SAY"), JsonValue.Create("PLAY"), JsonValue.Create("COLLECT"), JsonValue.Create("DIAL")],
                }),
                ("duration", Number("PAUSE: seconds of silence, 0-3600 (required)")),
                ("message", Object(
                    ["text"],
                    ("text", Text("SAY: the text spoken")),
                    ("gender", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("male"), JsonValue.Create("female")] }),
                    ("language", Text("SAY: a language tag, e.g. en-US")))),
                ("bargeIn", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "SAY, PLAY: a key stops the prompt (and the PAUSEs right after it) and goes to the next COLLECT" }),
                ("fileUrl", Text("PLAY: http(s) URL of a WAV or MP3 file (required)")),
                ("eventUrl", Text("COLLECT: http(s) URL the digits are posted to (required)")),
                ("maxDigits", Number("COLLECT: keys to collect, 1-64 (default 1)")),
                ("submitOnHash", new OpenApiSchema { Type = JsonSchemaType.Boolean, Description = "COLLECT: # ends the input" }),
                ("timeout", Number("COLLECT: seconds without a key, 1-600 (default 10); DIAL: seconds to ring, 1-600 (default 60)")),
                ("to", Text("DIAL: the phone number called and bridged to the call (required)")),
                ("from", Text("DIAL: the caller ID the number sees (default: the conversation's from)"))),
        }))),
        ("callback", Object(
            ["url"],
            ("url", Text("Receives status changes")),
            ("strategy", new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("OnChange"), JsonValue.Create("OnCompletion")] }))),
        ("timeout", new OpenApiSchema { Type = JsonSchemaType.Number, Description = "Seconds to ring, 1-600 (default 60)" }),
        ("escalation", EscalationSchema()));

    private static OpenApiSchema EscalationSchema()
    {
        var schema = Object(
            [],
            ("recipients", new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "The people called after to, in order",
                Items = Object(["phone"], ("phone", Text("A phone number: digits, optionally with a leading +"))),
            }),
            ("attempts", Number("How many times each person is called at most, 1-10 (default 1)")),
            ("retryAfter", Number("Seconds between two attempts of the same person, 0-3600 (default 30)")),
            ("accept", Text("The keys that accept (default \"1\"); the first key a COLLECT gets decides")),
            ("reject", Text("The keys that reject: the next person is called at once (default \"2\" when accept is not given either)")));
        schema.Description = "A Switchboard extension: to is called first, then each recipient, each up to attempts times while they do not "
            + "pick up or press no accept or reject key, until one accepts (Accepted) or all were tried (NoAnswer). Stored, and resumed after a restart. "
            + "No recipients and one attempt is a plain conversation.";
        return schema;
    }
}
