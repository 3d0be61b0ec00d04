using Switchboard.Client.Http;

namespace Switchboard.Client.Callback;

/// <summary>The Callback API: two parties called one after the other (or at once) and connected.</summary>
public sealed class CallbackClient
{
    private const string Path = "voice/call/callback";
    private readonly ApiTransport _transport;

    internal CallbackClient(ApiTransport transport) => _transport = transport;

    /// <exception cref="SwitchboardApiException">The server refused it (<see cref="SwitchboardApiException.Field"/> names a bad field).</exception>
    public Task<CallbackCreated> CreateAsync(CallbackRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, Path, request, ClientJsonContext.Default.CallbackRequest, ClientJsonContext.Default.CallbackCreated, cancellationToken, idempotencyKey);

    public Task<CallbackSession> GetAsync(string sid, CancellationToken cancellationToken = default) =>
        _transport.GetAsync($"{Path}/{Uri.EscapeDataString(sid)}", ClientJsonContext.Default.CallbackSession, cancellationToken);

    /// <summary>Ends the session: both legs are hung up or canceled.</summary>
    public Task EndAsync(string sid, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Delete, $"{Path}/{Uri.EscapeDataString(sid)}", cancellationToken);
}
