using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Switchboard.Client.Http;

/// <summary>
/// Sends one request with the API key and reads the answer: JSON for a success, a
/// <see cref="SwitchboardApiException"/> for anything else.
/// </summary>
internal sealed class ApiTransport(HttpClient http, string apiKey)
{
    public async Task<TResponse> SendAsync<TRequest, TResponse>(
        HttpMethod method, string path, TRequest body, JsonTypeInfo<TRequest> requestJson, JsonTypeInfo<TResponse> responseJson,
        CancellationToken cancellationToken, string? idempotencyKey = null)
    {
        using var request = Request(method, path);
        request.Content = JsonContent.Create(body, requestJson);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await ReadAsync(request, responseJson, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TResponse> GetAsync<TResponse>(string path, JsonTypeInfo<TResponse> responseJson, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        return await ReadAsync(request, responseJson, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request whose answer has no body the caller needs (204, 202).</summary>
    public async Task SendAsync(HttpMethod method, string path, CancellationToken cancellationToken, HttpContent? content = null)
    {
        using var request = Request(method, path);
        request.Content = content;
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The answer's JSON and one of its headers (a page and its next cursor).</summary>
    public async Task<(TResponse Body, string? Header)> GetWithHeaderAsync<TResponse>(string path, string header, JsonTypeInfo<TResponse> responseJson, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync(responseJson, cancellationToken).ConfigureAwait(false);
        var value = response.Headers.TryGetValues(header, out var values) ? values.FirstOrDefault() : null;
        return (body ?? throw new SwitchboardApiException($"{path} answered an empty body"), value);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path.TrimStart('/'), UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return request;
    }

    private async Task<TResponse> ReadAsync<TResponse>(HttpRequestMessage request, JsonTypeInfo<TResponse> responseJson, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(responseJson, cancellationToken).ConfigureAwait(false)
            ?? throw new SwitchboardApiException($"{request.RequestUri} answered an empty body");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        Problem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync(ClientJsonContext.Default.Problem, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not a problem after all: the status alone is reported.
            }
        }

        throw new SwitchboardApiException(response.StatusCode, problem?.Title ?? response.ReasonPhrase, problem?.Detail, problem?.Field);
    }
}
