using Switchboard.Calls.Verbs;
using Switchboard.Media.Amd;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.V1.Calls;

/// <summary>The <c>amd</c> object: where answering-machine events go, and the detector's tuning from its jambonz fields.</summary>
public sealed record AmdRequest(WebhookTarget ActionHook, AmdOptions Options)
{
    /// <summary>The <c>recognizer</c> that hears the greeting, so decisions carry its words; null for cadence alone.</summary>
    public RecognizerOptions? Recognizer { get; init; }
}
