namespace Switchboard.Client.Conversation;

/// <summary>
/// A Switchboard extension of a conversation: after its <c>to</c>, each recipient is called in turn, each up to
/// <see cref="Attempts"/> times, until one presses an <see cref="Accept"/> key.
/// </summary>
public sealed record EscalationPlan
{
    /// <summary>The people called after the conversation's <c>to</c>, in order.</summary>
    public IReadOnlyList<PhoneTarget> Recipients { get; init; } = [];

    /// <summary>How many times each person is called at most (default 1).</summary>
    public int? Attempts { get; init; }

    /// <summary>Seconds between two attempts of the same person (default 30).</summary>
    public int? RetryAfter { get; init; }

    /// <summary>The keys that accept (default <c>1</c>).</summary>
    public string? Accept { get; init; }

    /// <summary>The keys that reject: the next person is called at once.</summary>
    public string? Reject { get; init; }
}
