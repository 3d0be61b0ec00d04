using Microsoft.AspNetCore.Http;
using Switchboard.Storage.Idempotency;

namespace Switchboard.Api.Idempotency;

/// <summary>Writes a kept answer (status, content type, body), and captures an endpoint's answer as one.</summary>
internal sealed class StoredResponseResult(StoredResponse response) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = response.StatusCode;
        httpContext.Response.ContentType = response.ContentType;
        httpContext.Response.ContentLength = response.Body.Length;
        await httpContext.Response.Body.WriteAsync(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Runs the endpoint's result into memory (headers it sets stay on the real response).</summary>
    public static async Task<StoredResponse> CaptureAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            switch (result)
            {
                case IResult endpointResult:
                    await endpointResult.ExecuteAsync(http).ConfigureAwait(false);
                    break;
                case null:
                    break;
                default:
                    await Results.Json(result).ExecuteAsync(http).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            http.Response.Body = original;
        }

        return new StoredResponse(http.Response.StatusCode, http.Response.ContentType, buffer.ToArray());
    }
}
