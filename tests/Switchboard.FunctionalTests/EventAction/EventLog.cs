using System.Text.Json;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.EventAction;

/// <summary>
/// The application's side of seed 004: one callback URL (<c>/events</c>) that records every event and answers each
/// with the action the test's <see cref="Answer"/> gives for it (by event name and how many of that name came
/// before). Nothing answered means an empty body: no action.
/// </summary>
internal sealed class EventLog : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    private EventLog(WebhookReceiver receiver) => Receiver = receiver;

    public WebhookReceiver Receiver { get; }

    public string CallbackUrl => Receiver.Url("/events");

    /// <summary>The answer to one event: <c>(event name, how many of that name came before it)</c> to status and body.</summary>
    public Func<string, int, (int Status, string? Body)> Answer { get; set; } = (_, _) => (200, null);

    public IReadOnlyList<JsonElement> Events => [.. Receiver.Received.Where(w => w.Path == "/events").Select(w => w.Body)];

    public static async Task<EventLog> StartAsync()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var log = new EventLog(receiver);
        receiver.Respond = webhook =>
        {
            if (webhook.Path != "/events")
            {
                return (404, null);
            }

            var name = Name(webhook.Body);
            return log.Answer(name, log.Before(webhook, name));
        };
        return log;
    }

    /// <summary>The first event named <paramref name="name"/> (the <paramref name="nth"/> one, from 0).</summary>
    public async Task<JsonElement> WaitForAsync(string name, int nth = 0)
    {
        var webhook = await Receiver.WaitForAsync(w => w.Path == "/events" && Name(w.Body) == name && Before(w, name) == nth, Patience);
        return webhook.Body;
    }

    /// <summary>The names of the events received so far, in order.</summary>
    public IReadOnlyList<string> Names => [.. Events.Select(Name)];

    public static string Name(JsonElement body) => body.TryGetProperty("event", out var name) ? name.GetString() ?? "" : "";

    /// <summary>How many events named <paramref name="name"/> arrived before <paramref name="webhook"/>.</summary>
    private int Before(ReceivedWebhook webhook, string name) =>
        Receiver.Received.TakeWhile(other => !ReferenceEquals(other, webhook)).Count(other => other.Path == "/events" && Name(other.Body) == name);

    public ValueTask DisposeAsync() => Receiver.DisposeAsync();
}
