using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;

namespace Switchboard.Calls.Engine;

/// <summary>Answering-machine detection for a call: the detector's tuning and where its events go.</summary>
public sealed record AmdSettings(AmdOptions Options, IAmdHook Hook)
{
    /// <summary>
    /// When set (jambonz <c>amd.recognizer</c>), the greeting a decision was made on is recognised with these options
    /// (over the call's) and its words go with the decision; null: detection by cadence alone.
    /// </summary>
    public RecognizerOptions? Recognizer { get; init; }
}
