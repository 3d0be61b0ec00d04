namespace Switchboard.Media.Amd;

/// <summary>Why a human or machine decision was taken (the cause Asterisk's AMD() reports as AMDCAUSE).</summary>
public enum AmdReason
{
    /// <summary>The event has no cause beyond its kind (timeouts, end of greeting, tone).</summary>
    None,

    /// <summary>A greeting shorter than the limit, followed by the after-greeting silence.</summary>
    ShortGreeting,

    /// <summary>The greeting's speech exceeded <see cref="AmdOptions.MaxGreeting"/>.</summary>
    LongGreeting,

    /// <summary>The greeting reached <see cref="AmdOptions.ThresholdWordCount"/> words.</summary>
    WordCount,

    /// <summary>A beep was heard before the greeting gave a decision.</summary>
    Tone,
}
