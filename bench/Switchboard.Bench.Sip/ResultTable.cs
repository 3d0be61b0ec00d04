namespace Switchboard.Bench.Sip;

/// <summary>The one table a run prints: a title line, then measure and value rows in Markdown.</summary>
internal sealed class ResultTable(string title)
{
    private readonly List<(string Measure, string Value)> _rows = [];

    public void Add(string measure, string value) => _rows.Add((measure, value));

    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine(title);
        writer.WriteLine();
        writer.WriteLine("| measure | value |");
        writer.WriteLine("| --- | --- |");
        foreach (var (measure, value) in _rows)
        {
            writer.WriteLine($"| {measure} | {value} |");
        }
    }
}
