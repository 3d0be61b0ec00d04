namespace Switchboard.Client.Callback;

/// <summary>One party of a callback session: a phone number or a <c>sip:</c> URI, and what it sees.</summary>
public sealed record CallbackLeg
{
    public required string To { get; init; }

    public string? From { get; init; }

    public string? CallerName { get; init; }

    /// <summary>The carrier a phone number is routed through.</summary>
    public string? Trunk { get; init; }

    /// <summary>Seconds to ring.</summary>
    public int? Timeout { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
