namespace Switchboard.Bench.Sip;

/// <summary>The callee's own figures for a run, as table cells: "n/a" where the callee cannot tell.</summary>
/// <param name="AnsweredAndEnded">Calls the callee answered / calls it saw end.</param>
/// <param name="Dropped">Messages it could not parse and dropped.</param>
/// <param name="MostCallsUp">The most calls it held at once.</param>
/// <param name="Stalls">Signs that the callee's process fell behind: scheduling gaps and queued work.</param>
/// <param name="Allocated">Managed memory allocated during the run and the garbage collections it caused.</param>
internal sealed record CalleeReport(string AnsweredAndEnded, string Dropped, string MostCallsUp, string Stalls, string Allocated);
