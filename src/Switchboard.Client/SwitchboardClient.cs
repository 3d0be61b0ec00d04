using Switchboard.Client.Callback;
using Switchboard.Client.Calls;
using Switchboard.Client.Conversation;
using Switchboard.Client.EventAction;
using Switchboard.Client.Http;

namespace Switchboard.Client;

/// <summary>
/// Switchboard's API in four dialects over one <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/>
/// is the server (<c>http://127.0.0.1:8080/</c>). Every request carries the API key; an answer that is not a
/// success throws <see cref="SwitchboardApiException"/>.
/// </summary>
public sealed class SwitchboardClient
{
    /// <param name="http">Sends the requests; its base address is the server's.</param>
    /// <param name="apiKey">The key every request carries.</param>
    /// <param name="accountSid">The account the Calls API acts on; by default the key's own.</param>
    public SwitchboardClient(HttpClient http, string apiKey, string? accountSid = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var transport = new ApiTransport(http, apiKey);
        Calls = new CallsClient(transport, accountSid is null ? "v1" : $"v1/Accounts/{Uri.EscapeDataString(accountSid)}");
        Conversations = new ConversationClient(transport);
        Callbacks = new CallbackClient(transport);
        EventAction = new EventActionClient(transport);
    }

    /// <summary>The Calls API (jambonz compatible).</summary>
    public CallsClient Calls { get; }

    /// <summary>The Conversation API.</summary>
    public ConversationClient Conversations { get; }

    /// <summary>The Callback API.</summary>
    public CallbackClient Callbacks { get; }

    /// <summary>The event/action API.</summary>
    public EventActionClient EventAction { get; }
}
