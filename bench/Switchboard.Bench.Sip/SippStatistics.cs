using System.Globalization;

namespace Switchboard.Bench.Sip;

/// <summary>The last row of SIPp's <c>-trace_stat</c> CSV (semicolon-separated, a header row first), by column name.</summary>
internal sealed class SippStatistics(IReadOnlyDictionary<string, string> values)
{
    public static SippStatistics Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var names = lines[0].Split(';');
        var last = lines[^1].Split(';');
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(names.Length, last.Length); i++)
        {
            values[names[i]] = last[i];
        }

        return new SippStatistics(values);
    }

    public long Count(string name) =>
        values.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : -1;

    public string Text(string name) => values.GetValueOrDefault(name, "?");
}
