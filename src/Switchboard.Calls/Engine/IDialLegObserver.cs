using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Hears what happens to the legs of a <c>dial</c>. Called on each leg's own loop: implementations only hand the
/// news to the dialling call's channel.
/// </summary>
internal interface IDialLegObserver
{
    void OnLegAnswered(IDialLeg leg);

    void OnLegEnded(IDialLeg leg, CallStatus status, int? sipStatus);

    /// <summary>
    /// The leg's peer asked for a transfer (an incoming REFER): <paramref name="legCall"/> is the leg as it was then.
    /// The dial answers it through <see cref="IDialLeg.AnswerTransfer"/>.
    /// </summary>
    void OnLegReferred(IDialLeg leg, CallSnapshot legCall, IncomingTransfer transfer);

    /// <summary>The leg's peer pressed <paramref name="key"/> while the leg runs no verbs; <paramref name="legCall"/> is the leg then.</summary>
    void OnLegKey(IDialLeg leg, CallSnapshot legCall, char key);

    /// <summary>The leg's answering-machine hook answered with <paramref name="verbs"/>: they replace the dialling call's.</summary>
    void OnLegAmdAnswered(IDialLeg leg, IReadOnlyList<Verb> verbs);
}
