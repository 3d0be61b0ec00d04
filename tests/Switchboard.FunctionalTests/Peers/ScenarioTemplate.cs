namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// SIPp replaces its <c>-key</c> values only inside messages, not in <c>pause</c> lengths, <c>recv</c> timeouts or
/// <c>play_pcap_audio</c> paths; a template under <c>Scenarios/</c> marks those <c>${name}</c> and the test fills
/// them in a copy of its own.
/// </summary>
internal static class ScenarioTemplate
{
    /// <summary>Writes the filled scenario to a temporary file and returns its absolute path (for <see cref="SippProcess"/>).</summary>
    public static string Fill(string scenario, IReadOnlyDictionary<string, string> values)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", scenario));
        foreach (var (name, value) in values)
        {
            text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("${", text, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"sipp-{Guid.NewGuid():N}-{scenario}");
        File.WriteAllText(path, text);
        return path;
    }
}
