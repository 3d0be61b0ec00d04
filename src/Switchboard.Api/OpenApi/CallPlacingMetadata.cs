using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.OpenApi;

/// <summary>The answers every endpoint that places a call can give besides its success, for the API description.</summary>
public static class CallPlacingMetadata
{
    /// <summary>
    /// 400 (a field is invalid, nothing placed), 422 (the target cannot be routed), 429 (the account's call rate or
    /// live calls are at their limit) and 503 (no media port, or the server is full or draining).
    /// </summary>
    public static RouteHandlerBuilder PlacesCalls(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
