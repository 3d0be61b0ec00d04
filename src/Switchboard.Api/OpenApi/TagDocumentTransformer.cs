using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Switchboard.Api.OpenApi;

/// <summary>
/// The document's tags, each with what it is: the four dialects first, then the /v1 account resources. Tags no
/// operation uses (the names the generator derived before a dialect's transformer renamed them) are dropped.
/// </summary>
public sealed class TagDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string Calls = "Calls";
    public const string Conversation = "Conversation";
    public const string Callback = "Callback";
    public const string EventAction = "Event/action";
    public const string Health = "Health";

    private static readonly (string Name, string Description)[] Known =
    [
        (Calls, "The Calls API, compatible with jambonz's REST API: place a call whose application_sid (or call_hook) answers with verbs, list, inspect, control and hang up calls. snake_case."),
        (Conversation, "The Conversation API: a call that runs a dial plan of PAUSE, SAY, PLAY, COLLECT and DIAL verbs, its statuses posted to callback.url; with an escalation, people called in turn until one accepts."),
        (Callback, "The Callback API: two parties called one after the other (or at once) and connected."),
        (EventAction, "The event/action API (Webex Connect's voice API v1): a call's events are posted to its callbackUrl, and each answer is the call's next action. camelCase."),
        ("Accounts", "Accounts (admin keys): each has its own keys, applications, numbers, carriers and calls."),
        ("ApiKeys", "API keys of an account; the token is shown once, when created."),
        ("Applications", "Applications: the call_hook that answers a call with verbs and the call_status_hook that hears its statuses."),
        ("PhoneNumbers", "Phone numbers: which application (or event/action callback_url) answers a number's inbound calls."),
        ("VoipCarriers", "SIP trunks: where phone numbers are routed, and which addresses may send calls in."),
        ("Clients", "SIP user agents that register with Switchboard and are called as user targets."),
        ("Recordings", "Call recordings: listed, downloaded as WAV and deleted."),
        ("SpeechCredentials", "Speech engines of an account (an OpenAI-compatible transcription server)."),
        ("Webhooks", "The secret webhooks are signed with, its rotation, and webhooks that could not be delivered."),
        (Health, "Whether the server listens; no key needed."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var used = OpenApiSchemas.Operations(document)
            .SelectMany(entry => entry.Operation.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .ToHashSet(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(
            Known.Where(tag => used.Contains(tag.Name)).Select(tag => new OpenApiTag { Name = tag.Name, Description = tag.Description }));
        foreach (var unknown in used.Where(name => !Known.Any(tag => tag.Name == name)).Order(StringComparer.Ordinal))
        {
            document.Tags.Add(new OpenApiTag { Name = unknown });
        }

        return Task.CompletedTask;
    }
}
