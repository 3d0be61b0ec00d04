using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Messages;

// What the requests a call's peer sends inside the dialog (a REFER asking for a transfer, INFO, MESSAGE) bring to the
// loops involved, kept together.

/// <summary>
/// The call's own <c>referHook</c> answered <paramref name="Transfer"/>: <paramref name="Verbs"/> replace the call's
/// (none: the transfer is accepted and nothing changes); null when the hook failed, so the transfer is refused.
/// </summary>
internal sealed record TransferHookAnswered(IncomingTransfer Transfer, IReadOnlyList<Verb>? Verbs) : CallMessage;

/// <summary>The call's <c>sipRequestWithinDialogHook</c> answered a request of the peer with <paramref name="Verbs"/>, which replace the call's.</summary>
internal sealed record PeerRequestHookAnswered(IReadOnlyList<Verb> Verbs) : CallMessage;

/// <summary>To a dial leg, from the dial: tell the leg's peer how its transfer ended.</summary>
internal sealed record TransferAnswerRequested(uint Sequence, bool Accepted) : CallMessage;

/// <summary>A dial's leg's peer asked for a transfer; <paramref name="LegCall"/> is the leg as it was then.</summary>
internal sealed record DialLegReferred(int Generation, IDialLeg Leg, CallSnapshot LegCall, IncomingTransfer Transfer) : VerbStepMessage(Generation);

/// <summary>
/// A dial's <c>referHook</c> answered <paramref name="Transfer"/> (null <paramref name="Verbs"/>: it failed);
/// <paramref name="FromCallee"/>: the callee's peer asked, else the caller's.
/// </summary>
internal sealed record DialTransferAnswered(int Generation, IncomingTransfer Transfer, IReadOnlyList<Verb>? Verbs, bool FromCallee) : VerbStepMessage(Generation);
