namespace Switchboard.Storage.Calls;

/// <summary>
/// Calls stored with <see cref="Status"/>; when <see cref="SipStatuses"/> is given, only those whose SIP status is one
/// of them (or, <see cref="Excluding"/>, none of them: a call without a SIP status is then included).
/// </summary>
public sealed record CallStatusMatch(string Status, IReadOnlyList<int>? SipStatuses = null, bool Excluding = false)
{
    public bool Matches(string status, int? sipStatus) =>
        status == Status
        && (SipStatuses is not { Count: > 0 } codes || (sipStatus is { } code && codes.Contains(code)) != Excluding);
}
