using Microsoft.AspNetCore.Http;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Limits;
using Switchboard.Storage.Resilience;

namespace Switchboard.Api.Problems;

/// <summary>
/// The one place an exception becomes a problem response: a bad field is a 400 naming it, a party no route
/// reaches a 422 naming the request's target field (<see cref="CallTargetField"/>), a call the engine could not
/// start a 503, a call a limit refused a 429 or 503 with <c>Retry-After</c>, and a write the store refuses for
/// now (a full disk, a read-only or locked file) a 503 with <c>Retry-After</c>: nothing was done, try again. Used by
/// <see cref="ApiExceptionHandler"/> for every endpoint and by the idempotency filter, which keeps or releases
/// the answer before it is written.
/// </summary>
public static class ApiExceptionProblems
{
    /// <summary>The field a <see cref="NoRouteException"/> names when the endpoint named none.</summary>
    public const string DefaultTargetField = "to";

    /// <summary>The problem for <paramref name="exception"/>, or null when it is not one the API answers (a 500).</summary>
    public static IResult? For(HttpContext context, Exception exception) => exception switch
    {
        ValidationException invalid => ApiProblem.Invalid(invalid.Error),
        NoRouteException noRoute => ApiProblem.Unroutable(context.Features.Get<CallTargetField>()?.Path ?? DefaultTargetField, noRoute.Message),
        CallNotPlacedException notPlaced => ApiProblem.Unavailable(notPlaced.Message),
        CallRefusedException refused => AdmissionProblems.Refused(refused.Decision),
        _ when StorageFailures.IsRetryable(exception) => new RetryAfterResult(ApiProblem.StorageUnavailable(exception.Message), CallEngine.StorageRetryAfter),
        _ => null,
    };
}
