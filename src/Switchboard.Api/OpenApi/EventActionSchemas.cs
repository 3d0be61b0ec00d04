using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Switchboard.Api.EventAction;
using static Switchboard.Api.OpenApi.OpenApiSchemas;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The bodies of the event/action API (seed 004) as named component schemas: the event Switchboard posts to a
/// call's callback URL, the action the application answers with, and the objects they hold. Names are written as
/// the seed writes them, <c>ConnectedOn</c> and <c>singleUtterence</c> included.
/// </summary>
internal static class EventActionSchemas
{
    public const string Event = "EventActionEvent";
    public const string Action = "EventActionAction";
    public const string Audio = "EventActionAudio";
    public const string CollectInput = "EventActionCollectInput";
    public const string StreamInput = "EventActionStreamInput";
    public const string Error = "EventActionError";

    public static IReadOnlyList<string> EventNamesInOrder { get; } =
    [
        EventNames.Accepted, EventNames.Answered, EventNames.Played, EventNames.CollectedDigits, EventNames.Streamed,
        EventNames.Recorded, EventNames.Patched, EventNames.VoicemailDetected, EventNames.Failure, EventNames.Dropped,
    ];

    /// <summary>Adds the schemas to <paramref name="document"/>'s components.</summary>
    public static void AddTo(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        var schemas = document.Components.Schemas;
        schemas[Error] = ErrorSchema();
        schemas[Event] = EventSchema(document);
        schemas[Audio] = AudioSchema();
        schemas[CollectInput] = CollectInputSchema();
        schemas[StreamInput] = StreamInputSchema();
        schemas[Action] = ActionSchema(document);
    }

    public static OpenApiSchemaReference Ref(string name, OpenApiDocument document) => new(name, document);

    private static OpenApiSchema EventSchema(OpenApiDocument document) => Described(
        Object(
            ["event", "callerId", "dialedNumber", "eventTime", "sessionId"],
            ("event", Enumeration("The event's name", EventNamesInOrder)),
            ("callerId", Text("The calling number")),
            ("dialedNumber", Text("The number called")),
            ("offeredTime", Time("ACCEPTED, ANSWERED, DROPPED: when the call was offered (inbound) or placed (outbound)")),
            ("answeredTime", Time("ANSWERED, DROPPED of an answered call: when it was answered")),
            ("status", Enumeration("Every event but ACCEPTED, ANSWERED and VMDETECTED: how its action or the call ended", [ResultEvents.Success, ResultEvents.Failure])),
            ("error", Ref(Error, document)),
            ("reason", Text("FAILURE: why the answer was not an action that can run, naming the field")),
            ("field", Text("FAILURE: the field of the answer at fault (`action`, `audio[0].location`, `$` for the whole answer)")),
            ("droppedBy", Enumeration("DROPPED: who ended the call; PATCHED: which party ended the patch (CALLER: this call's party, CALLEE: the patched one)", [DropCause.Caller, DropCause.Callee, DropCause.Application, DropCause.System])),
            ("duration", Integer("DROPPED of an answered call: whole seconds from the answer to the end")),
            ("playedDuration", Integer("PLAYED, COLLECTED_DIGITS, STREAMED: whole seconds of audio played")),
            ("numOfDigits", Integer("COLLECTED_DIGITS: how many keys were collected")),
            ("digitsReceived", Text("COLLECTED_DIGITS: the keys, without the termination digit")),
            ("terminationDigit", Text("COLLECTED_DIGITS, RECORDED: the key that ended the input, empty when none did")),
            ("text", Text("STREAMED: the words heard")),
            ("confidence", Number("STREAMED: the recognizer's confidence, 0 to 1")),
            ("language", Text("STREAMED: the language the words were recognised in")),
            ("recordingFileName", new OpenApiSchema
            {
                Description = "RECORDED and DROPPED (a recorded call): the recording's URL; PATCHED with recordCall: one URL per party. Fetched with the account's API key.",
                OneOf = [new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" }, new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" } }],
            }),
            ("recordingLength", Integer("RECORDED: whole seconds recorded")),
            ("ConnectedOn", Time("PATCHED: when the patched party answered")),
            ("patchDuration", Integer("PATCHED: whole seconds the two parties were connected")),
            ("eventTime", Time("When the event happened")),
            ("sessionId", Text("The call: the sessionId POST /v1/voice/calls answered with")),
            ("transactionId", Text("The action that produced the event (absent on ACCEPTED, ANSWERED of an outbound call and DROPPED)")),
            ("correlationId", Text("The application's own id from POST /v1/voice/calls, on every event of the call"))),
        "An event of the event/action API, posted to the call's callback URL. The answer (a JSON object, or an empty body) is the next action; DROPPED's answer is not read.",
        """{"event": "COLLECTED_DIGITS", "callerId": "+15550001", "dialedNumber": "+15550002", "status": "SUCCESS", "numOfDigits": 2, "digitsReceived": "42", "terminationDigit": "#", "playedDuration": 3, "eventTime": "2026-12-07T09:30:12.345Z", "sessionId": "7d9e0c6a-3f51-4b8e-9a43-2c1b7f0e5d21", "transactionId": "1b4f6a0e-8c2d-4e7f-a915-0d3c2b1a9e88", "correlationId": "order-1234"}""");

    private static OpenApiSchema ActionSchema(OpenApiDocument document) => Described(
        Object(
            [],
            ("action", Enumeration("The action (upper or lower case); an answer without one (an empty body or {}) ends the call, except in answer to VMDETECTED", ActionNames.All)),
            ("reason", Text("REJECT: the reason phrase of the 603 the caller gets (at most 256 characters)")),
            ("audio", new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "PLAY, RECORD: 1 to 20 audio objects played in order (RECORD: the prompt before the beep)",
                Items = Ref(Audio, document),
            }),
            ("collectInput", Ref(CollectInput, document)),
            ("streamInput", Ref(StreamInput, document)),
            ("timeoutSeconds", Integer("RECORD: the longest recording in seconds, 1-3600 (default 60)")),
            ("terminationDigit", Text("RECORD: the key that ends the recording (0-9, *, #, A-D)")),
            ("dialedNumber", Text("PATCH: the number to patch the call through to (digits, optionally with a leading +)")),
            ("patchCallerId", Text("PATCH: the caller ID the patched party sees")),
            ("holdAudio", Ref(Audio, document)),
            ("greetingAudio", Ref(Audio, document)),
            ("greetingRepeatCount", Integer("PATCH: how many times greetingAudio is repeated after the first, 0-10 (default 0)")),
            ("recordCall", Boolean("PATCH: record each party's side as a file of its own (listed in PATCHED's recordingFileName)")),
            ("passDtmf", Boolean("PATCH: pass keys pressed on either side to the other (default false)"))),
        "An action: the answer to an event. ANSWER is valid only in answer to ACCEPTED; ACCEPTED takes only ANSWER, REJECT or HANGUP. An invalid answer is reported in a FAILURE event, whose answer is a second chance.",
        """{"action": "PLAY", "audio": [{"type": "TTS", "text": "Please enter your code followed by the hash key.", "language": "en-US", "gender": "FEMALE"}], "collectInput": {"terminationDigit": "#", "maxDigits": 0, "digitTimeout": 5}}""");

    private static OpenApiSchema AudioSchema() => Described(
        Object(
            ["type"],
            ("type", Enumeration("URL: a WAV file fetched over http(s); TTS: text spoken", ["URL", "TTS"])),
            ("location", new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "URL: the http(s) address of the WAV file" }),
            ("text", Text("TTS: the text, 1 to 4000 characters")),
            ("language", Text("TTS: a language tag such as en-US")),
            ("voice", Text("TTS: the voice, used when engine names an engine this server has")),
            ("gender", Enumeration("TTS: the voice's gender", ["MALE", "FEMALE"])),
            ("style", Text("TTS: accepted and ignored")),
            ("engine", Text("TTS: the speech engine; one this server does not have (AZURE, GOOGLE, ...) is spoken by the default synthesizer in the language and gender asked for"))),
        "Audio: a URL to play or text to speak.",
        """{"type": "TTS", "text": "Thank you for waiting, the call is connected now.", "language": "en-US", "gender": "MALE", "engine": "AZURE", "voice": "GuyNeural;Male", "style": "NEURAL"}""");

    private static OpenApiSchema CollectInputSchema() => Described(
        Object(
            [],
            ("terminationDigit", Text("The key that ends the input (0-9, *, #, A-D); reported apart from the digits")),
            ("maxDigits", Integer("Keys to collect, 1-64; 0 (the default) collects until the termination digit or the timeout")),
            ("digitTimeout", Integer("Seconds to wait for the first key after the audio and between keys, 1-120 (default 5)"))),
        "PLAY's key input: the audio plays while keys are collected (a key stops it), then COLLECTED_DIGITS.",
        """{"terminationDigit": "#", "maxDigits": 0, "digitTimeout": 5}""");

    private static OpenApiSchema StreamInputSchema() => Described(
        Object(
            [],
            ("timeout", Integer("The longest utterance heard, in seconds, 1-300")),
            ("maxsilence", Integer("Seconds the caller may stay silent after the audio before the input ends without words, 1-120 (default 5)")),
            ("model", Text("Accepted and checked; one utterance is recognised whatever it says")),
            ("language", Text("The language spoken, a tag such as en-US")),
            ("asrEngine", Text("DEFAULT (the account's or server's recognizer), POCKETSPHINX (offline) or OPENAI (an OpenAI-compatible transcription server); any other name is a FAILURE naming streamInput.asrEngine")),
            ("recordStream", Boolean("Accepted and checked; the speech is not recorded")),
            ("singleUtterence", Boolean("Accepted and checked; one utterance is recognised per PLAY")),
            ("alternateLanguages", new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A language tag"), Description = "Up to 10 more languages the caller may speak" }),
            ("hints", new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text("A phrase"), Description = "Switchboard extension: up to 500 phrases expected; they bias the recognizer, and the offline one listens for them only" })),
        "PLAY's speech input: the audio plays while the caller is heard (speech stops it), then STREAMED.",
        """{"timeout": 20, "maxsilence": 5, "language": "en-US", "asrEngine": "DEFAULT", "hints": ["credit card", "debit card"]}""");

    private static OpenApiSchema ErrorSchema() => Described(
        Object(
            ["message"],
            ("code", Text("DROPPED and a failed PATCHED: why the call (or the patch) ended, 2000-2009")),
            ("message", Text("What happened, in words"))),
        "What went wrong, or why a call ended.",
        """{"code": "2008", "message": "Call Dropped by Network/End user"}""");

    private static OpenApiSchema Enumeration(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Description = description,
        Enum = [.. values.Select(value => (JsonNode)JsonValue.Create(value))],
    };

    private static OpenApiSchema Integer(string description) => new() { Type = JsonSchemaType.Integer, Description = description };

    private static OpenApiSchema Boolean(string description) => new() { Type = JsonSchemaType.Boolean, Description = description };

    private static OpenApiSchema Time(string description) => new() { Type = JsonSchemaType.String, Format = "date-time", Description = description };

    private static OpenApiSchema Described(OpenApiSchema schema, string description, string example)
    {
        schema.Description = description;
        schema.Examples = [JsonNode.Parse(example)!];
        return schema;
    }
}
