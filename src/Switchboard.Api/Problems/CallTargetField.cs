using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Problems;

/// <summary>
/// The request field that names the party a create endpoint calls (<c>to</c>, <c>to.phone</c>, <c>leg_b.to</c>),
/// set as a request feature so that a <see cref="Switchboard.Calls.Engine.NoRouteException"/> becomes a 422 naming it.
/// </summary>
public sealed record CallTargetField(string Path)
{
    public static void Set(HttpContext context, string path) => context.Features.Set(new CallTargetField(path));
}
