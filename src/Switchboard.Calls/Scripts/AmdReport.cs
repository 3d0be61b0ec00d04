using Switchboard.Media.Amd;
using Switchboard.Media.Recognition;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// One post to an answering-machine hook: a detector <see cref="Event"/>, with what a recognizer heard of the greeting
/// when one ran (jambonz's <c>greeting</c>, <c>language</c> and <c>hint</c>); or, without an event, an
/// <see cref="Error"/> (jambonz's <c>amd_error</c>), such as a recognizer that failed.
/// </summary>
public sealed record AmdReport
{
    private AmdReport()
    {
    }

    public AmdEvent? Event { get; private init; }

    /// <summary>Why detection could not do all it was asked; set only on an error report.</summary>
    public string? Error { get; private init; }

    /// <summary>The greeting's words and language, for a decision a recognizer ran on.</summary>
    public RecognitionResult? Greeting { get; init; }

    /// <summary>The voicemail phrase the greeting held, which made it a machine.</summary>
    public string? Hint { get; init; }

    public static AmdReport Of(AmdEvent amdEvent) => new() { Event = amdEvent };

    public static AmdReport Failed(string error) => new() { Error = error };
}
