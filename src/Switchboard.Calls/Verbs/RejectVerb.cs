namespace Switchboard.Calls.Verbs;

/// <summary>
/// Refuses an inbound call that is not answered yet with a SIP final response (jambonz <c>sip:decline</c>);
/// on a call already answered it hangs up.
/// </summary>
public sealed record RejectVerb(int Status, string? Reason) : Verb
{
    public override string Name => "reject";

    /// <summary>SIP headers the refusal carries (jambonz <c>sip:decline</c>'s <c>headers</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public bool Equals(RejectVerb? other) =>
        other is not null && (Status, Reason) == (other.Status, other.Reason) && Headers.SequenceEqual(other.Headers);

    public override int GetHashCode() => HashCode.Combine(Status, Reason, Headers.Count);
}
