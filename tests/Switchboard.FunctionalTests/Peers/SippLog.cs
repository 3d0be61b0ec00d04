using System.Globalization;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// Reads SIPp's <c>-trace_msg</c> log: blocks that start with a dashed line and the local time, then
/// <c>UDP message received</c> or <c>UDP message sent</c>, then the message itself.
/// </summary>
internal static class SippLog
{
    private const string Separator = "----------------------------------------------- ";

    /// <summary>When SIPp first sent (or received) a message whose first line starts with <paramref name="firstLine"/>.</summary>
    public static DateTime Time(string log, string firstLine, bool sent) =>
        Entries(log).FirstOrDefault(entry => entry.Sent == sent && entry.Message.StartsWith(firstLine, StringComparison.Ordinal)) is { Message: not null } found
            ? found.At
            : throw new Xunit.Sdk.XunitException($"SIPp never {(sent ? "sent" : "received")} '{firstLine}':\n{log}");

    /// <summary>The first message SIPp received that starts with <paramref name="firstLine"/> (e.g. <c>INVITE</c>), or empty.</summary>
    public static string Received(string log, string firstLine) =>
        Entries(log).FirstOrDefault(entry => !entry.Sent && entry.Message.StartsWith(firstLine, StringComparison.Ordinal)).Message ?? string.Empty;

    private static IEnumerable<(DateTime At, bool Sent, string Message)> Entries(string log)
    {
        foreach (var block in log.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n', 3);
            if (lines.Length < 3 || !DateTime.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            {
                continue;
            }

            yield return (at, lines[1].Contains("sent", StringComparison.Ordinal), lines[2].TrimStart());
        }
    }
}
