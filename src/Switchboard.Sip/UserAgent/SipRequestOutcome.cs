using Switchboard.Sip.Messages;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.UserAgent;

/// <summary>How a non-INVITE client transaction ended: its final response, or the failure that ended it without one.</summary>
internal readonly record struct SipRequestOutcome(SipResponse? Response, SipTransactionFailure? Failure);
