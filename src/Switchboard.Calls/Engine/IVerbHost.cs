using System.Text.Json;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>What the verb runner needs from the call it runs in.</summary>
internal interface IVerbHost
{
    CallSnapshot Snapshot();

    /// <summary>Ends the call from the script's side; <paramref name="failed"/> when the script broke.</summary>
    void EndCall(string reason, bool failed);

    /// <summary>
    /// The script has no verbs left. A call ends; a dial leg that ran its confirmation application is handed to the
    /// dial as answered, to be bridged.
    /// </summary>
    void OnScriptEnded();

    /// <summary>Reports that <paramref name="verb"/> could not run and was skipped (a <see cref="VerbFailed"/> event).</summary>
    void ReportVerbFailed(Verb verb, string reason);

    /// <summary>Replaces the call's application data, which every later event carries.</summary>
    void SetTag(JsonElement tag);

    /// <summary>
    /// Answers an inbound call that is still ringing (a no-op for an answered or outbound one), because a verb is
    /// about to use its media. False when the caller gave up first: the verb must not start.
    /// </summary>
    bool EnsureAnswered();

    /// <summary>Rings an inbound call not yet answered again, with <paramref name="alertInfo"/> as its Alert-Info; a no-op for any other.</summary>
    void Alert(string alertInfo);

    /// <summary>Refuses an inbound call not yet answered with <paramref name="sipStatus"/>; hangs up any other.</summary>
    void Decline(int sipStatus, string reason);

    /// <summary>
    /// Places one leg of <paramref name="dial"/> to <paramref name="target"/>, as a call of its own whose parent is
    /// this call. Thread-safe: called from the dial's placing tasks.
    /// </summary>
    Task<IDialLeg> PlaceDialLegAsync(DialVerb dial, CallTarget target, IDialLegObserver observer, CancellationToken cancellationToken);
}
