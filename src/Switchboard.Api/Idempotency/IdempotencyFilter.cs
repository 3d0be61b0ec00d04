using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage.Idempotency;

namespace Switchboard.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a create endpoint: the first request with a key runs and its answer is kept for
/// <see cref="Window"/>; a repeat with the same body gets that answer (with <c>Idempotent-Replayed: true</c>) and
/// creates nothing; a repeat with another body is a 422, and one while the first still runs a 409. Keys belong to
/// the account and the endpoint (<paramref name="scope"/>). Answers worth retrying (429, 5xx) are not kept.
/// </summary>
public sealed class IdempotencyFilter(string scope) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return await next(context).ConfigureAwait(false);
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            return ApiProblem.Invalid(HeaderName, $"must be 1 to {MaxKeyLength} visible ASCII characters (a UUID is a good key)");
        }

        var store = http.RequestServices.GetRequiredService<IIdempotencyStore>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var account = http.Features.Get<TargetAccount>()?.Sid ?? http.Account().Sid;
        var hash = await HashBodyAsync(http.Request).ConfigureAwait(false);
        var claim = await store.ClaimAsync(account, scope, key, hash, time.GetUtcNow(), Window, http.RequestAborted).ConfigureAwait(false);
        switch (claim.State)
        {
            case IdempotencyClaimState.Completed when !CryptographicOperations.FixedTimeEquals(claim.RequestHash, hash):
                return ApiProblem.Unprocessable(HeaderName, "this key was used with a different request body; use a new key for a new request");
            case IdempotencyClaimState.Completed:
                http.Response.Headers[ReplayedHeaderName] = "true";
                return new StoredResponseResult(claim.Response!);
            case IdempotencyClaimState.InProgress:
                http.Response.Headers.RetryAfter = "1";
                return ApiProblem.Conflict(HeaderName, "a request with this key is still being processed; repeat it in a moment");
        }

        StoredResponse response;
        try
        {
            response = await StoredResponseResult.CaptureAsync(http, await AnswerAsync(context, next).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch
        {
            await store.ReleaseAsync(account, scope, key, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (response.StatusCode is StatusCodes.Status429TooManyRequests or >= 500)
        {
            await store.ReleaseAsync(account, scope, key, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await store.CompleteAsync(account, scope, key, response, CancellationToken.None).ConfigureAwait(false);
        }

        return new StoredResponseResult(response);
    }

    /// <summary>
    /// The endpoint's answer, a refusal it threw included, so that a refusal is kept or released like any other
    /// answer (a 400 or 422 is kept, a 429 or 503 released), never left in progress.
    /// </summary>
    private static async ValueTask<object?> AnswerAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (ApiExceptionProblems.For(context.HttpContext, exception) is { } problem)
        {
            return problem;
        }
    }

    /// <summary>Hashes the body and rewinds it for the endpoint, which reads it again.</summary>
    private static async Task<byte[]> HashBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return hash;
    }
}
