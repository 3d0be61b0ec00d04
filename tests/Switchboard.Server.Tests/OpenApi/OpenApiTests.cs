using System.Net;
using System.Text.Json;
using Switchboard.Server.Tests.V1;

namespace Switchboard.Server.Tests.OpenApi;

public sealed class OpenApiTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task Document_IsServedWithoutAKey_AndListsEveryResource()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var resource in new[] { "ApiKeys", "Applications", "PhoneNumbers", "VoipCarriers", "Clients", "Recordings", "SpeechCredentials" })
        {
            Assert.Contains($"/v1/{resource}", paths);
            Assert.Contains($"/v1/Accounts/{{account_sid}}/{resource}", paths);
        }

        Assert.Contains("/v1/Accounts", paths);
        Assert.Contains("/v1/Accounts/{account_sid}", paths);
        Assert.Contains("/voice/conversation", paths);
        Assert.Contains("/v1/Accounts/{account_sid}/Calls", paths);
    }

    [Fact]
    public async Task Document_DescribesShapesInSnakeCase_AndTheConversationBody()
    {
        using var document = JsonDocument.Parse(await (await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null)).Content.ReadAsStringAsync());
        var root = document.RootElement;

        var application = root.GetProperty("components").GetProperty("schemas").GetProperty("ApplicationResponse").GetProperty("properties");
        Assert.True(application.TryGetProperty("call_status_hook", out _));
        Assert.True(application.TryGetProperty("application_sid", out _));
        var conversation = root.GetProperty("paths").GetProperty("/voice/conversation").GetProperty("post");
        Assert.True(conversation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document).GetProperty("properties").TryGetProperty("dialPlan", out _));
        Assert.True(root.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        var verb = conversation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document)
            .GetProperty("properties").GetProperty("dialPlan").GetProperty("properties").GetProperty("verbs").GetProperty("items").GetProperty("properties");
        Assert.Equal(["COLLECT", "DIAL", "PAUSE", "PLAY", "SAY"], verb.GetProperty("type").GetProperty("enum").EnumerateArray().Select(t => t.GetString()).Order());
        Assert.All(["fileUrl", "bargeIn", "to", "from"], field => Assert.True(verb.TryGetProperty(field, out _), field));
        var callback = root.GetProperty("paths").GetProperty("/voice/call/callback").GetProperty("post");
        Assert.Equal("Callback", callback.GetProperty("tags")[0].GetString());
        var legA = callback.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document).GetProperty("properties").GetProperty("leg_A");
        Assert.Equal("to", legA.GetProperty("required")[0].GetString());
        Assert.True(root.GetProperty("paths").GetProperty("/voice/call/callback/{sid}").TryGetProperty("delete", out _));
    }

    [Fact]
    public async Task Document_DescribesTheEscalation_ItsGetAndItsDelete()
    {
        using var document = JsonDocument.Parse(await (await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null)).Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var body = paths.GetProperty("/voice/conversation").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document);
        var escalation = body.GetProperty("properties").GetProperty("escalation");
        Assert.Contains("Switchboard extension", escalation.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["accept", "attempts", "recipients", "reject", "retryAfter"],
            escalation.GetProperty("properties").EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        var one = paths.GetProperty("/voice/conversation/{conversationTrackingId}");
        foreach (var method in new[] { "get", "delete" })
        {
            Assert.Equal("Conversation", one.GetProperty(method).GetProperty("tags")[0].GetString());
            Assert.Contains("escalation", one.GetProperty(method).GetProperty("summary").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Document_DescribesTheEventActionApi_ItsRequest_AndTheEventsAndActionsOfItsCallback()
    {
        using var document = JsonDocument.Parse(await (await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null)).Content.ReadAsStringAsync());
        var root = document.RootElement;
        var schemas = root.GetProperty("components").GetProperty("schemas");

        var post = root.GetProperty("paths").GetProperty("/v1/voice/calls").GetProperty("post");
        Assert.Equal("Event/action", post.GetProperty("tags")[0].GetString());
        var request = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document);
        Assert.Equal(["callbackUrl", "callerId", "correlationId", "dialedNumber", "record", "timeout", "trunk"], Names(request.GetProperty("properties")));
        Assert.Equal(["callbackUrl", "callerId", "dialedNumber"], request.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        var accepted = post.GetProperty("responses").GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document).GetProperty("properties");
        Assert.Equal(["correlationId", "sessionId"], Names(accepted));

        // The callback: each event is POSTed to the request's callbackUrl and answered with an action.
        var events = post.GetProperty("callbacks").GetProperty("events").GetProperty("{$request.body#/callbackUrl}").GetProperty("post");
        Assert.Equal("#/components/schemas/EventActionEvent", events.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/EventActionAction", events.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());

        var eventSchema = schemas.GetProperty("EventActionEvent").GetProperty("properties");
        Assert.Equal(
            ["ACCEPTED", "ANSWERED", "COLLECTED_DIGITS", "DROPPED", "FAILURE", "PATCHED", "PLAYED", "RECORDED", "STREAMED", "VMDETECTED"],
            eventSchema.GetProperty("event").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Order());
        foreach (var member in new[] { "callerId", "dialedNumber", "eventTime", "sessionId", "transactionId", "correlationId", "offeredTime", "answeredTime", "status", "error", "droppedBy", "playedDuration", "numOfDigits", "digitsReceived", "terminationDigit", "text", "recordingFileName", "recordingLength", "ConnectedOn" })
        {
            Assert.True(eventSchema.TryGetProperty(member, out _), $"the event schema lacks {member}");
        }

        var action = schemas.GetProperty("EventActionAction").GetProperty("properties");
        Assert.Equal(["ANSWER", "HANGUP", "PATCH", "PLAY", "RECORD", "REJECT"], action.GetProperty("action").GetProperty("enum").EnumerateArray().Select(a => a.GetString()).Order());
        foreach (var field in new[] { "reason", "audio", "collectInput", "streamInput", "timeoutSeconds", "terminationDigit", "dialedNumber", "patchCallerId", "holdAudio", "greetingAudio", "greetingRepeatCount", "recordCall", "passDtmf" })
        {
            Assert.True(action.TryGetProperty(field, out _), $"the action schema lacks {field}");
        }

        Assert.Equal("#/components/schemas/EventActionAudio", action.GetProperty("audio").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(["engine", "gender", "language", "location", "style", "text", "type", "voice"], Names(schemas.GetProperty("EventActionAudio").GetProperty("properties")));
        Assert.Equal(["digitTimeout", "maxDigits", "terminationDigit"], Names(schemas.GetProperty("EventActionCollectInput").GetProperty("properties")));
        Assert.Equal(
            ["alternateLanguages", "asrEngine", "hints", "language", "maxsilence", "model", "recordStream", "singleUtterence", "timeout"],
            Names(schemas.GetProperty("EventActionStreamInput").GetProperty("properties")));
    }

    [Fact]
    public async Task Document_DescribesTheCallsApi_ItsBodies_ItsQueries_AndEveryPathParameter()
    {
        using var document = JsonDocument.Parse(await (await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null)).Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");

        var calls = paths.GetProperty("/v1/Accounts/{account_sid}/Calls");
        var create = calls.GetProperty("post");
        Assert.Equal("Calls", Assert.Single(create.GetProperty("tags").EnumerateArray()).GetString());
        var body = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal(["from", "to"], body.GetProperty("schema").Resolved(document).GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.All(["fromHost", "callerName", "timeLimit", "call_hook", "application_sid"], field => Assert.True(body.GetProperty("schema").Resolved(document).GetProperty("properties").TryGetProperty(field, out _), field));
        Assert.Equal("+15550002", body.GetProperty("example").GetProperty("to").GetProperty("number").GetString());
        Assert.Equal(["callId", "callid", "sid"], Names(create.GetProperty("responses").GetProperty("201").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document).GetProperty("properties")));
        var invalid = create.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
        Assert.Equal("#/components/schemas/ProblemDetails", invalid.GetProperty("$ref").GetString());
        Assert.True(document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails").GetProperty("properties").TryGetProperty("field", out _));

        var query = calls.GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString());
        Assert.Equal(["application_sid", "callStatus", "cursor", "direction", "end", "from", "limit", "start", "status", "tag", "to"], query.Order(StringComparer.Ordinal));
        var update = paths.GetProperty("/v1/Accounts/{account_sid}/Calls/{call_sid}").GetProperty("put");
        Assert.True(update.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").Resolved(document).GetProperty("properties").TryGetProperty("sip_request", out _));

        // Swagger UI fills in every {name} of a path from a declared parameter, or sends it literally.
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString()), $"{operation.Name} {path.Name} has no summary");
                var declared = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString()).ToHashSet()
                    : [];
                foreach (var name in System.Text.RegularExpressions.Regex.Matches(path.Name, "{([^}]+)}").Select(match => match.Groups[1].Value))
                {
                    Assert.True(declared.Contains(name), $"{operation.Name} {path.Name} does not declare {name}");
                }
            }
        }
    }

    [Theory]
    [InlineData("/v1/Accounts/{account_sid}/Calls/{call_sid}/Events", "call_sid", null)]
    [InlineData("/voice/conversation/{trackingId}/events", "trackingId", "Conversation")]
    [InlineData("/voice/call/callback/{sid}/events", "sid", "Callback")]
    [InlineData("/v1/voice/calls/{sessionId}/events", "sessionId", "Event/action")]
    public async Task Document_DescribesEachDialectsTimeline_ItsIdAndTheShapeOfItsEntries(string path, string id, string? tag)
    {
        using var document = JsonDocument.Parse(await (await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null)).Content.ReadAsStringAsync());
        var root = document.RootElement;

        var operation = root.GetProperty("paths").GetProperty(path).GetProperty("get");

        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
        Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), parameter => parameter.GetProperty("name").GetString() == id && parameter.GetProperty("in").GetString() == "path");
        if (tag is not null)
        {
            Assert.Equal(tag, Assert.Single(operation.GetProperty("tags").EnumerateArray()).GetString());
        }

        var entry = root.GetProperty("components").GetProperty("schemas").GetProperty("TimelineEvent").GetProperty("properties");
        foreach (var member in new[] { "at", "type", "status", "code", "verb", "result", "url", "attempt", "latency", "request", "answer", "leg" })
        {
            Assert.True(entry.TryGetProperty(member, out _), member);
        }
    }

    [Fact]
    public async Task Docs_AreServedWithoutAKey()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/docs/index.html", key: null);
        var redirected = await server.SendAsync(HttpMethod.Get, "/docs", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, redirected.StatusCode);
    }

    [Fact]
    public async Task OnlyTheDescriptionIsPublic_NotPathsThatMerelyStartAlike()
    {
        // Not the docs, and served to no one: an address no endpoint serves is a 404 problem, key or not.
        await V1Server.AssertProblemAsync(await server.SendAsync(HttpMethod.Get, "/docsx", key: null), HttpStatusCode.NotFound);
        await V1Server.AssertProblemAsync(await server.SendAsync(HttpMethod.Get, "/v1/Applications", key: null), HttpStatusCode.Unauthorized);
    }

    private static IEnumerable<string> Names(JsonElement properties) => properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
}

/// <summary>Reads a schema through its <c>$ref</c>, if it has one.</summary>
internal static class SchemaReferences
{
    public static JsonElement Resolved(this JsonElement schema, JsonDocument document) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..])
            : schema;
}
