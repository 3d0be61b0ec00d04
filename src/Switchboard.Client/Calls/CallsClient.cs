using System.Net.Http.Json;
using Switchboard.Client.Http;

namespace Switchboard.Client.Calls;

/// <summary>The Calls API (jambonz compatible): place, read, list, change and hang up calls.</summary>
public sealed class CallsClient
{
    private readonly ApiTransport _transport;
    private readonly string _calls;

    internal CallsClient(ApiTransport transport, string accountPrefix)
    {
        _transport = transport;
        _calls = accountPrefix + "/Calls";
    }

    /// <summary>Places a call; answers as soon as the INVITE is on its way.</summary>
    /// <param name="request">The call.</param>
    /// <param name="idempotencyKey">Makes a retry safe: a repeat within a day gets the first answer and places nothing.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="SwitchboardApiException">The server refused the call (<see cref="SwitchboardApiException.Field"/> names a bad field).</exception>
    public Task<CallCreated> CreateAsync(CreateCallRequest request, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Post, _calls, request, ClientJsonContext.Default.CreateCallRequest, ClientJsonContext.Default.CallCreated, cancellationToken, idempotencyKey);

    public Task<Call> GetAsync(string callSid, CancellationToken cancellationToken = default) =>
        _transport.GetAsync($"{_calls}/{Uri.EscapeDataString(callSid)}", ClientJsonContext.Default.Call, cancellationToken);

    /// <summary>A page of the account's calls, newest first.</summary>
    public async Task<CallPage> ListAsync(CallFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var (calls, next) = await _transport.GetWithHeaderAsync(_calls + (filter ?? new CallFilter()).ToQuery(), "X-Next-Cursor", ClientJsonContext.Default.CallArray, cancellationToken).ConfigureAwait(false);
        return new CallPage(calls, next);
    }

    /// <summary>Changes a live call: a redirect, a mute, a new tag, or its end.</summary>
    public Task UpdateAsync(string callSid, CallUpdate update, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Put, $"{_calls}/{Uri.EscapeDataString(callSid)}", cancellationToken, JsonContent.Create(update, ClientJsonContext.Default.CallUpdate));

    /// <summary>Hangs the call up (a ringing call is canceled); a call that has ended stays as it is.</summary>
    public Task HangUpAsync(string callSid, CancellationToken cancellationToken = default) =>
        _transport.SendAsync(HttpMethod.Delete, $"{_calls}/{Uri.EscapeDataString(callSid)}", cancellationToken);
}
