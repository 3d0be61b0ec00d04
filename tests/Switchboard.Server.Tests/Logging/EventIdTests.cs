namespace Switchboard.Server.Tests.Logging;

/// <summary>
/// An event id names one log message across the whole server (docs/logging.md), so that a filter or an alert on it
/// cannot match a message of another area by accident.
/// </summary>
public sealed class EventIdTests
{
    private static readonly IReadOnlyList<LogMessageDeclaration> Messages = SourceAssemblies.LogMessages(SourceAssemblies.Load());
    private static readonly IReadOnlyList<EventIdRange> Ranges = EventIdRange.ReadDocumented();

    [Fact]
    public void Scan_FindsTheMessagesOfTheLowestLayerToo()
    {
        Assert.Contains(Messages, m => m.Namespace.StartsWith("Switchboard.Foundation", StringComparison.Ordinal));
        Assert.Contains(Messages, m => m.Namespace.StartsWith("Switchboard.Server", StringComparison.Ordinal));
    }

    [Fact]
    public void EventIds_AreUniqueAcrossTheSourceAssemblies()
    {
        var collisions = Collisions(Messages);

        Assert.True(collisions.Count == 0, "Event ids used more than once:\n" + string.Join("\n", collisions));
    }

    [Fact]
    public void Collisions_NameTheIdAndEveryMethodThatUsesIt()
    {
        LogMessageDeclaration[] messages =
        [
            new(3100, "Switchboard.Media.Sessions", "Switchboard.Media.Sessions.Log.PortRefused"),
            new(3100, "Switchboard.Calls.Webhooks", "Switchboard.Calls.Webhooks.Log.WebhookRetrying"),
            new(3101, "Switchboard.Calls.Webhooks", "Switchboard.Calls.Webhooks.Log.WebhookGaveUp"),
        ];

        var collision = Assert.Single(Collisions(messages));

        Assert.Equal("3100: Switchboard.Media.Sessions.Log.PortRefused, Switchboard.Calls.Webhooks.Log.WebhookRetrying", collision);
    }

    [Fact]
    public void EventIds_FallInsideTheirAreasDocumentedRange()
    {
        var misplaced = Messages
            .Select(m => (Message: m, Range: EventIdRange.For(Ranges, m.Namespace)))
            .Where(x => x.Range is null || !x.Range.Contains(x.Message.EventId))
            .Select(x => x.Range is null
                ? $"{x.Message.EventId}: {x.Message} has no area in docs/logging.md"
                : $"{x.Message.EventId}: {x.Message} is outside {x.Range}")
            .ToList();

        Assert.True(misplaced.Count == 0, "Event ids outside their area's range:\n" + string.Join("\n", misplaced));
    }

    [Fact]
    public void DocumentedRanges_DoNotOverlap()
    {
        var overlaps = Ranges
            .SelectMany((r, i) => Ranges.Skip(i + 1).Where(r.Overlaps).Select(o => $"{r} overlaps {o}"))
            .ToList();

        Assert.NotEmpty(Ranges);
        Assert.True(overlaps.Count == 0, string.Join("\n", overlaps));
    }

    private static List<string> Collisions(IEnumerable<LogMessageDeclaration> messages) =>
    [
        .. messages
            .GroupBy(m => m.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g)}"),
    ];
}
