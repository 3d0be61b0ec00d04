using Switchboard.Client.Http;

namespace Switchboard.Client.EventAction;

/// <summary>The event/action API: a call whose events are posted to a callback URL, each answer its next action.</summary>
public sealed class EventActionClient
{
    private readonly ApiTransport _transport;

    internal EventActionClient(ApiTransport transport) => _transport = transport;

    /// <exception cref="SwitchboardApiException">The server refused it (<see cref="SwitchboardApiException.Field"/> names a bad field).</exception>
    public Task<EventActionCallCreated> CreateAsync(EventActionCallRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, "v1/voice/calls", request, ClientJsonContext.Default.EventActionCallRequest, ClientJsonContext.Default.EventActionCallCreated, cancellationToken, idempotencyKey);
}
