using System.Text.Json;

namespace Switchboard.Calls.Engine;

/// <summary>What the verb runner needs from the call it runs in.</summary>
internal interface IVerbHost
{
    CallSnapshot Snapshot();

    /// <summary>Ends the call from the script's side; <paramref name="failed"/> when the script broke.</summary>
    void EndCall(string reason, bool failed);

    /// <summary>Replaces the call's application data, which every later event carries.</summary>
    void SetTag(JsonElement tag);
}
