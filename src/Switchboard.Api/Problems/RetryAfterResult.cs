using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Problems;

/// <summary>A result with <c>Retry-After</c> in whole seconds (RFC 9110 §10.2.3), at least one.</summary>
public sealed class RetryAfterResult(IResult inner, TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
