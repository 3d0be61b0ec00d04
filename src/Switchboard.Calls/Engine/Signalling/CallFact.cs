namespace Switchboard.Calls.Engine.Signalling;

// What the SIP side of a call tells the engine, in the engine's words. The signalling strategies turn SIP events
// into these; the call's loop acts on them without knowing which direction the call has.

/// <summary>A fact about the call, read from a SIP event.</summary>
internal abstract record CallFact;

/// <summary>It rings (<paramref name="EarlyMedia"/>: with audio from the far end before the answer).</summary>
internal sealed record Rings(int SipStatus, bool EarlyMedia) : CallFact;

/// <summary>The far end answered with media we can use.</summary>
internal sealed record Answers : CallFact;

/// <summary>
/// The call is over with <paramref name="Status"/>; <paramref name="HangUpFirst"/>: our side must still end the dialog.
/// <paramref name="By"/>: who ended it, the far end unless the response only confirms that we gave up ringing.
/// </summary>
internal sealed record Ends(CallStatus Status, int? SipStatus, string Reason, bool HangUpFirst = false, CallEndedBy By = CallEndedBy.FarEnd) : CallFact;

/// <summary>
/// The peer reported how the call it was referred to is going (a NOTIFY of our REFER, RFC 3515):
/// <paramref name="SipStatus"/> from its sipfrag, null when a NOTIFY only ended the report;
/// <paramref name="ReportsEnded"/>: no further report follows.
/// </summary>
internal sealed record TransferProgress(int? SipStatus, bool ReportsEnded) : CallFact;

/// <summary>The peer asked us to transfer the call (an incoming REFER, already accepted with 202).</summary>
internal sealed record TransferAsked(IncomingTransfer Transfer) : CallFact;

/// <summary>The peer sent a request inside the dialog that the application asked to hear (already answered).</summary>
internal sealed record PeerRequestArrived(PeerRequest Request) : CallFact;

/// <summary>A key arrived in signalling (RFC 6086 INFO); it joins RFC 4733 and in-band keys.</summary>
internal sealed record KeyPressed(char Key) : CallFact;
