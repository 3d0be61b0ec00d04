namespace Switchboard.Media.Amd;

/// <summary>One outcome of answering-machine detection.</summary>
/// <param name="Kind">What was detected.</param>
/// <param name="At">Audio time since analysis started (frames × 20 ms) at the end of the frame that decided it.</param>
/// <param name="Reason">Why, for human and machine decisions; otherwise <see cref="AmdReason.None"/>.</param>
/// <param name="Words">Words counted in the greeting so far.</param>
/// <param name="Speech">Speech heard in the greeting so far (the sum of its words' lengths).</param>
/// <param name="ToneFrequency">For <see cref="AmdEventKind.ToneDetected"/>, the beep's frequency in Hz; otherwise 0.</param>
public readonly record struct AmdEvent(
    AmdEventKind Kind,
    TimeSpan At,
    AmdReason Reason,
    int Words,
    TimeSpan Speech,
    double ToneFrequency);
