using Switchboard.Media.Amd;

namespace Switchboard.Calls.Verbs;

/// <summary>
/// jambonz <c>config.amd</c>: answering-machine detection started on the call from its script, its events posted to
/// <paramref name="ActionHook"/> (a URL the script source knows) as a placed call's <c>amd</c> events are.
/// </summary>
public sealed record AmdConfig(string ActionHook, AmdOptions Options)
{
    /// <summary>When set, the greeting is recognised with these options (over the call's) and its words reported.</summary>
    public RecognizerOptions? Recognizer { get; init; }
}
