using System.Globalization;

namespace Switchboard.Bench.Sip;

/// <summary>
/// SIPp's <c>-trace_stat</c> CSV (semicolon-separated, a header row first, then one row per period): the counters of
/// the last row by column name, and the call rate while calls were being placed.
/// </summary>
internal sealed class SippStatistics(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
{
    /// <summary>The file's rows, or null when SIPp has not written a row of figures yet.</summary>
    public static SippStatistics? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length < 2)
        {
            return null;
        }

        var names = lines[0].Split(';');
        var rows = new List<IReadOnlyDictionary<string, string>>(lines.Length - 1);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(';');
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < Math.Min(names.Length, cells.Length); i++)
            {
                row[names[i]] = cells[i];
            }

            rows.Add(row);
        }

        return new SippStatistics(rows);
    }

    /// <summary>A cumulative counter such as <c>SuccessfulCall(C)</c> in the last row; -1 when missing.</summary>
    public long Count(string name) => Count(rows[^1], name);

    /// <summary>A rate such as <c>CallRate(C)</c> in the last row; NaN when missing.</summary>
    public double Rate(string name) => Rate(rows[^1], name);

    /// <summary>
    /// The cumulative call rate at the first row where <paramref name="calls"/> calls had been placed: the rate over
    /// the time spent placing calls, without the last calls' hold (rows come every second, so the true rate is at
    /// least this). NaN when SIPp never placed them all.
    /// </summary>
    public double RateWhilePlacing(int calls) =>
        rows.FirstOrDefault(r => Count(r, "OutgoingCall(C)") >= calls) is { } row ? Rate(row, "CallRate(C)") : double.NaN;

    /// <summary>
    /// The lowest rate of any whole period while calls were being placed (the period in which the last call went out
    /// is partial, so it is left out); NaN when there was no such period.
    /// </summary>
    public double LowestPeriodRateWhilePlacing(int calls)
    {
        var rates = rows.Where(r => Count(r, "OutgoingCall(C)") is > 0 and var placed && placed < calls).Select(r => Rate(r, "CallRate(P)")).ToList();
        return rates.Count > 0 ? rates.Min() : double.NaN;
    }

    /// <summary>How many periods (rows) had any of the periodic counter <paramref name="name"/>, e.g. <c>Retransmissions(P)</c>.</summary>
    public int PeriodsWith(string name) => rows.Count(r => Count(r, name) > 0);

    /// <summary>How many periods (rows) SIPp wrote.</summary>
    public int Periods => rows.Count;

    private static long Count(IReadOnlyDictionary<string, string> row, string name) =>
        row.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : -1;

    private static double Rate(IReadOnlyDictionary<string, string> row, string name) =>
        row.TryGetValue(name, out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) ? rate : double.NaN;
}
