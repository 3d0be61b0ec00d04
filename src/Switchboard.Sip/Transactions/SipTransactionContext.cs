using Microsoft.Extensions.Logging;

namespace Switchboard.Sip.Transactions;

/// <summary>What the transaction layer hands every transaction it creates: its clock, timer values and logger.</summary>
internal sealed record SipTransactionContext(TimeProvider Time, SipTimerSettings Timers, ILogger Logger);
