namespace Switchboard.Api.V1.Scoping;

/// <summary>
/// The account a /v1 request acts on, already checked against the key: from <c>/v1/Accounts/{account_sid}/...</c>
/// (<paramref name="FromPath"/>) or, on the short routes (<c>/v1/Applications</c>), the key's own account.
/// </summary>
public sealed record TargetAccount(string Sid, bool FromPath);
