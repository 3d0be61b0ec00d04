using System.Globalization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Switchboard.Api.V1.Calls;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The Calls API's bodies and queries, which its endpoints read by hand (to name bad fields) and so carry no type
/// for the generator to describe. Each method is an operation transformer the endpoint adds to itself. The component
/// names differ from every /v1 type's, whose schemas <see cref="SnakeCaseDocumentTransformer"/> renames.
/// </summary>
public static class CallsOperations
{
    /// <summary>The request of docs/api/calls.md.</summary>
    public const string CreateExample = """
        {"call_hook": "https://example.com/call", "call_status_hook": "https://example.com/status", "from": "+15550001",
         "fromHost": "example.org", "callerName": "Vacation Agent", "to": {"type": "phone", "number": "+15550002", "trunk": "my-carrier"},
         "timeout": 20, "timeLimit": 600, "tag": {"internalId": "ABDC1234"}, "headers": {"User-to-User": "UUID: 42"}}
        """;

    private static readonly string[] Statuses = ["queued", "trying", "ringing", "early-media", "in-progress", "completed", "failed", "busy", "no-answer"];

    public static Task DescribeCreateAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Description = "Answers 201 as soon as the INVITE is on its way. When the callee answers, the call_hook gets the call and answers with "
            + "an array of verbs; call_status_hook hears every status change (trying, ringing, early-media, in-progress, completed, failed, busy, no-answer).";
        Body(operation, Component(context.Document!, "NewCall", CreateSchema), CreateExample);

        // Described here rather than from the answer's type: its callid and callId differ only in case, which the
        // generator's case-insensitive options refuse.
        if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse response)
        {
            response.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new()
                {
                    Schema = Component(context.Document!, "CallPlaced", () => Object(
                        ["sid", "callid", "callId"],
                        ("sid", Text("The call's sid")),
                        ("callid", Text("The SIP Call-ID of the INVITE")),
                        ("callId", Text("The same, under the name jambonz's own answer uses")))),
                    Example = System.Text.Json.Nodes.JsonNode.Parse("""{"sid": "98e4dd21-b178-4af1-83b6-3c1582893890", "callid": "8d07a246f1ac123bb8ac02113b73b840@127.0.0.1", "callId": "8d07a246f1ac123bb8ac02113b73b840@127.0.0.1"}"""),
                },
            };
        }

        return Task.CompletedTask;
    }

    public static Task DescribeUpdateAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Description = "Answers 202; 409 when the call has already ended. With sip_request the answer is 200 with the peer's final "
            + "response, and 409 when the call is not answered yet. whisper and child_call_hook answer 409 when no dial connects the call to another party.";
        Body(operation, Component(context.Document!, "CallUpdate", UpdateSchema), """{"call_hook": "https://example.com/transfer", "tag": {"stage": "moved"}}""");
        return Task.CompletedTask;
    }

    public static Task DescribeListAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Description = "Newest first, a page at a time: when more follow, the next page's address is in the Link header (rel=\"next\") "
            + "and its cursor in X-Next-Cursor. A bad value is a 400 naming the parameter.";
        operation.Parameters ??= [];
        foreach (var parameter in ListParameters())
        {
            operation.Parameters.Add(parameter);
        }

        return Task.CompletedTask;
    }

    public static Task DescribeRecentAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Parameters ??= [];
        foreach (var parameter in RecentParameters())
        {
            operation.Parameters.Add(parameter);
        }

        return Task.CompletedTask;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<OpenApiParameter> ListParameters() =>
    [
        Query("status", OneOf("A call status", Statuses), "Only calls with this status"),
        Query("callStatus", OneOf("A call status", Statuses), "jambonz's name for status"),
        Query("direction", OneOf("inbound or outbound", "inbound", "outbound"), "Only calls in this direction"),
        Query("from", Text("A caller"), "Only calls from this caller (exact)"),
        Query("to", Text("A callee"), "Only calls to this callee (exact)"),
        Query("start", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "Only calls created at or after this time (ISO 8601)"),
        Query("end", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "Only calls created before this time (ISO 8601), after start"),
        Query("application_sid", Text("An application's sid"), "Only calls this application runs"),
        Query("tag", Text("key or key:value"), "key: calls whose tag has this top-level member; key:value: those where it has this value (tag=customer:42)"),
        Query("limit", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Invariant(CallQuery.MaxLimit), Default = CallQuery.DefaultLimit }, "Calls in the page"),
        Query("cursor", Text("An opaque cursor"), "Where the page starts: the cursor of the previous page's Link header or X-Next-Cursor"),
    ];

    private static IEnumerable<OpenApiParameter> RecentParameters() =>
    [
        Query("page", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Default = 1 }, "The page, from 1"),
        Query("count", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = Invariant(RecentCallsQuery.MaxCount), Default = 25 }, "Calls in a page"),
        Query("days", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = "30" }, "The calls of the last days; wins over start and end"),
        Query("start", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "Calls placed or received at or after this time"),
        Query("end", new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" }, "Calls placed or received before this time, after start"),
        Query("answered", Flag("true or false"), "Only answered (true) or unanswered (false) calls"),
        Query("direction", OneOf("inbound or outbound", "inbound", "outbound"), "Only calls in this direction"),
        Query("filter", Text("A caller, callee, call sid or SIP Call-ID"), "Only calls matching it"),
    ];

    private static OpenApiSchema CreateSchema() => Object(
        ["from", "to"],
        ("application_sid", Text("The application whose call_hook and call_status_hook run the call; required unless call_hook is given")),
        ("call_hook", Hook("Inline instead of an application (overrides the application's)")),
        ("call_status_hook", Hook("Inline status hook (overrides the application's)")),
        ("from", Text("The caller: a number or SIP user name, the user part of the From URI")),
        ("fromHost", Text("The host of the From URI (default: Switchboard's own address)")),
        ("callerName", Text("The From display name")),
        ("to", Object(
            ["type"],
            ("type", OneOf("What to names", "phone", "sip", "user")),
            ("number", Text("phone: digits with an optional leading +")),
            ("trunk", Text("phone: one of the account's VoipCarriers by name; without it the default carrier routes the number")),
            ("sipUri", Text("sip: a sip: or sips: URI, dialled directly")),
            ("name", Text("user: the username of one of the account's SIP clients")))),
        ("timeout", WholeNumber("Seconds to let it ring, 1-600 (default 60); then the call ends no-answer")),
        ("timeLimit", WholeNumber("The longest the answered call may last, in seconds, 1-86400")),
        ("tag", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Application data; every webhook of the call carries it as customerData" }),
        ("headers", Map("SIP headers added to the INVITE; the ones SIP itself writes (Via, From, To, Call-ID, CSeq, Contact, ...) are refused")),
        ("speech_synthesis_vendor", Text("Default synthesizer vendor for say verbs (over the application's)")),
        ("speech_synthesis_voice", Text("Default voice for say verbs")),
        ("speech_synthesis_language", Text("Default language for say verbs")),
        ("speech_recognizer_vendor", OneOf("Default recognizer vendor for speech input", "default", "pocketsphinx", "openai")),
        ("speech_recognizer_language", Text("Default language for speech input")),
        ("amd", Object(
            ["actionHook"],
            ("actionHook", Hook("Receives the answering-machine detection events")),
            ("thresholdWordCount", WholeNumber("Words in the greeting from which it is a machine, 1-100")),
            ("timers", Object(
                [],
                ("noSpeechTimeoutMs", WholeNumber("Milliseconds without speech before amd_no_speech_detected")),
                ("decisionTimeoutMs", WholeNumber("Milliseconds before amd_decision_timeout")),
                ("toneTimeoutMs", WholeNumber("Milliseconds to wait for the beep")),
                ("greetingCompletionTimeoutMs", WholeNumber("Milliseconds of silence that end the greeting")))),
            ("recognizer", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "The recognizer that hears the greeting: {vendor, language}" }))));

    private static OpenApiSchema UpdateSchema() => Object(
        [],
        ("call_hook", Hook("Leaves the current verb and runs what this hook answers (redirect)")),
        ("child_call_hook", Hook("During a connected dial, the callee's leg leaves it and runs the application this hook answers")),
        ("call_status", OneOf("completed hangs up; no-answer stops a ringing call and ends it no-answer", "completed", "no-answer")),
        ("mute_status", OneOf("mute: the caller's audio no longer reaches a connected party or a recording; unmute undoes it", "mute", "unmute")),
        ("listen_status", OneOf("pause or resume sending the caller's audio to the running listen", "pause", "resume")),
        ("transcribe_status", OneOf("pause or resume the background transcription", "pause", "resume")),
        ("dtmf", Object(
            ["digit"],
            ("digit", Text("The keys to send, up to 32")),
            ("duration", WholeNumber("Milliseconds each key lasts (default 250)")))),
        ("tag", new OpenApiSchema { Type = JsonSchemaType.Object, Description = "Replaces customerData for the webhooks that follow" }),
        ("sip_request", Object(
            ["method"],
            ("method", Text("The SIP method: INFO, MESSAGE, NOTIFY, ...")),
            ("content_type", Text("The body's Content-Type")),
            ("content", Text("The body")),
            ("headers", Map("Headers added to the request")))),
        ("whisper", new OpenApiSchema
        {
            Description = "A say or play verb, or an array of them, played to the party this URL names during a connected dial",
            OneOf = [new OpenApiSchema { Type = JsonSchemaType.Object }, new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } }],
        }),
        ("record", Object(
            ["action"],
            ("action", OneOf("What to do with the call's own recording", "startCallRecording", "pauseCallRecording", "resumeCallRecording", "stopCallRecording")),
            ("type", OneOf("cloud (siprec is refused)", "cloud")))));
}
