using Switchboard.Calls.Verbs;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Scripts;

/// <summary>The keys a gather collected (without a terminating <c>#</c>), or what it heard, and why input ended.</summary>
public sealed record GatherResult(GatherVerb Gather, string Digits, GatherEndReason Reason) : VerbResult(Gather)
{
    /// <summary>The recognised utterance when <see cref="Reason"/> is <see cref="GatherEndReason.SpeechDetected"/>.</summary>
    public RecognitionResult? Speech { get; init; }

    /// <summary>Why recognition failed when <see cref="Reason"/> is <see cref="GatherEndReason.Error"/>.</summary>
    public string? Error { get; init; }

    /// <summary>How long the gather's prompt played before it ended or was interrupted; zero without one.</summary>
    public TimeSpan PromptPlayed { get; init; }
}
