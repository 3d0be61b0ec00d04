using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Server.Tests.Logging;

/// <summary>One row of the event id table in docs/logging.md: an area (a namespace) and the ids it owns.</summary>
sealed partial record EventIdRange(string Area, int First, int Last)
{
    public bool Contains(int eventId) => eventId >= First && eventId <= Last;

    public bool Overlaps(EventIdRange other) => First <= other.Last && other.First <= Last;

    /// <summary>The area is the namespace itself or one of its parents.</summary>
    public bool Covers(string @namespace) => @namespace == Area || @namespace.StartsWith(Area + ".", StringComparison.Ordinal);

    public override string ToString() => $"{Area} {First}–{Last}";

    public static IReadOnlyList<EventIdRange> ReadDocumented()
    {
        var path = Path.Combine(SourceAssemblies.RepositoryRoot(), "docs", "logging.md");
        return [.. File.ReadLines(path).Select(line => Row().Match(line)).Where(m => m.Success).Select(FromRow)];
    }

    /// <summary>The range of the longest documented area that covers the namespace, if any does.</summary>
    public static EventIdRange? For(IEnumerable<EventIdRange> ranges, string @namespace) =>
        ranges.Where(r => r.Covers(@namespace)).MaxBy(r => r.Area.Length);

    private static EventIdRange FromRow(Match row) => new(
        row.Groups["area"].Value,
        int.Parse(row.Groups["first"].Value, CultureInfo.InvariantCulture),
        int.Parse(row.Groups["last"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^\|\s*`(?<area>Switchboard[\w.]*)`\s*\|\s*(?<first>\d+)\s*[–-]\s*(?<last>\d+)\s*\|")]
    private static partial Regex Row();
}
