using Microsoft.AspNetCore.Http;
using Switchboard.Api.Auth;

namespace Switchboard.Api.V1.Scoping;

/// <summary>The short routes (<c>/v1/Applications</c>, ...) act on the key's own account, admin keys included.</summary>
public sealed class OwnAccountFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Features.Set(new TargetAccount(http.Account().Sid, FromPath: false));
        return next(context);
    }
}
