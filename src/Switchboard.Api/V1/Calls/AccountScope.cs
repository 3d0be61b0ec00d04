using Microsoft.AspNetCore.Http;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// Whether the presented key may act on an account. Another account's resources answer 404, never 403, so a
/// key cannot learn which sids exist elsewhere.
/// </summary>
public static class AccountScope
{
    public static bool Allows(HttpContext context, string accountSid) => context.Account().Sid == accountSid;

    public static IResult NotFound(string accountSid) => ApiProblem.NotFound($"no account {accountSid}");
}
