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

    /// <summary>
    /// Adds an entry to the call's timeline (<see cref="CallEventNames.VerbStarted"/>, <see cref="CallEventNames.VerbEnded"/>),
    /// stored in order with its statuses; no dialect reports it.
    /// </summary>
    void Note(string eventName, string detail);

    /// <summary>Replaces the call's application data, which every later event carries.</summary>
    void SetTag(JsonElement tag);

    /// <summary>
    /// Answers an inbound call that is still ringing (a no-op for an answered or outbound one), because a verb is
    /// about to use its media. False when the caller gave up first: the verb must not start.
    /// </summary>
    bool EnsureAnswered();

    /// <summary>Starts answering-machine detection on the answered call (a <c>config.amd</c>); a no-op while detection already runs.</summary>
    void StartAmd(AmdSettings settings);

    /// <summary>
    /// Starts, stops, pauses or resumes the call's own whole-call recording (from the loop). A start before the answer
    /// records from the answer on.
    /// </summary>
    void ControlRecording(CallRecordingAction action);

    /// <summary>Rings an inbound call not yet answered again, with <paramref name="alertInfo"/> as its Alert-Info; a no-op for any other.</summary>
    void Alert(string alertInfo);

    /// <summary>Lets an inbound call not yet answered ring (180), if it has not rung already; a no-op for any other.</summary>
    void Ring();

    /// <summary>Refuses an inbound call not yet answered with <paramref name="sipStatus"/> and <paramref name="headers"/>; hangs up any other.</summary>
    void Decline(int sipStatus, string reason, IReadOnlyList<KeyValuePair<string, string>> headers);

    /// <summary>
    /// Sends <paramref name="request"/> inside the call's dialog (from the loop); completes with the peer's final
    /// answer, or the failure's status when none came (481 at once when the call has no dialog).
    /// </summary>
    Task<InDialogAnswer> SendInDialogAsync(InDialogRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Sends the REFER of <paramref name="refer"/> (from the loop); completes with its answer. The referred call's
    /// progress arrives afterwards as the running step's <see cref="Steps.VerbStep.OnTransferProgress"/>.
    /// </summary>
    Task<InDialogAnswer> ReferAsync(ReferVerb refer, CancellationToken cancellationToken);

    /// <summary>
    /// From now on the peer's INFO (other than keys) and MESSAGE requests are accepted and reach the verb runner, for its
    /// <c>sipRequestWithinDialogHook</c>; until then they are refused. From the loop.
    /// </summary>
    void ForwardPeerRequests();

    /// <summary>
    /// Tells the call's peer how the transfer it asked for ended (the final NOTIFY of its REFER, RFC 3515 §2.4.4):
    /// accepted (200) or refused (603). From the loop.
    /// </summary>
    void AnswerTransfer(uint sequence, bool accepted);

    /// <summary>
    /// Places one leg of <paramref name="dial"/> to <paramref name="target"/>, as a call of its own whose parent is
    /// this call. Thread-safe: called from the dial's placing tasks.
    /// </summary>
    Task<IDialLeg> PlaceDialLegAsync(DialVerb dial, CallTarget target, IDialLegObserver observer, CancellationToken cancellationToken);
}
