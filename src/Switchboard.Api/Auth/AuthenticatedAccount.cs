using Switchboard.Storage.Accounts;

namespace Switchboard.Api.Auth;

/// <summary>
/// The account whose API key authenticated this request; set by <see cref="BearerAuthenticationMiddleware"/>.
/// An admin key (<see cref="Scope"/> = <see cref="ApiKeyScope.Admin"/>) may act on every account; an account key
/// only on <see cref="Sid"/>.
/// </summary>
public sealed record AuthenticatedAccount(string Sid)
{
    public ApiKeyScope Scope { get; init; } = ApiKeyScope.Account;

    /// <summary>The sid of the key that authenticated the request.</summary>
    public string? KeySid { get; init; }

    public bool IsAdmin => Scope == ApiKeyScope.Admin;

    /// <summary>
    /// Whether the key may act on <paramref name="accountSid"/> at all: its own account, or any for an admin key.
    /// An admin still has to check that the account exists. Callers answer 404, not 403, when this is false, so
    /// one account cannot learn which sids another has.
    /// </summary>
    public bool MayActOn(string accountSid) => IsAdmin || string.Equals(Sid, accountSid, StringComparison.Ordinal);
}
