using Switchboard.Client.Http;

namespace Switchboard.Client.Conversation;

/// <summary>The Conversation API: a call that runs a dial plan, and the escalations that call people in turn.</summary>
public sealed class ConversationClient
{
    private const string Path = "voice/conversation";
    private readonly ApiTransport _transport;

    internal ConversationClient(ApiTransport transport) => _transport = transport;

    /// <summary>Places the call; answers once it is queued.</summary>
    /// <exception cref="SwitchboardApiException">The server refused it (<see cref="SwitchboardApiException.Field"/> names a bad field).</exception>
    public Task<ConversationCreated> CreateAsync(ConversationRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, Path, request, ClientJsonContext.Default.ConversationRequest, ClientJsonContext.Default.ConversationCreated, cancellationToken, idempotencyKey);

    /// <summary>Where an escalation stands, with every attempt so far.</summary>
    public Task<Escalation> GetEscalationAsync(string conversationTrackingId, CancellationToken cancellationToken = default) =>
        _transport.GetAsync($"{Path}/{Uri.EscapeDataString(conversationTrackingId)}", ClientJsonContext.Default.Escalation, cancellationToken);

    /// <summary>Stops an escalation: its live call is hung up and nobody else is called.</summary>
    public Task StopEscalationAsync(string conversationTrackingId, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Delete, $"{Path}/{Uri.EscapeDataString(conversationTrackingId)}", cancellationToken);
}
