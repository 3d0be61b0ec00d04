using Switchboard.Api.Timeline;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.Tests.Timeline;

/// <summary>Stored call events read as timeline entries: the detail each writer leaves, split into its parts.</summary>
public sealed class TimelineEventsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("486 Busy Here", 486, "Busy Here")]
    [InlineData("200", 200, null)]
    [InlineData("media timeout", null, "media timeout")]
    [InlineData("script error: 500 from the hook", null, "script error: 500 from the hook")]
    [InlineData(null, null, null)]
    public void AStatusDetail_IsSplitIntoItsSipCodeAndReason(string? detail, int? code, string? reason)
    {
        var entry = TimelineEvents.Of(new CallEventRecord("c", 1, At, "status:completed", detail));

        Assert.Equal(("status", "completed", code, reason), (entry.Type, entry.Status, entry.Code, entry.Reason));
    }

    [Fact]
    public void VerbEvents_NameTheVerbAndHowItEnded()
    {
        var started = TimelineEvents.Of(new CallEventRecord("c", 1, At, "verb:started", "gather"));
        var ended = TimelineEvents.Of(new CallEventRecord("c", 2, At, "verb:ended", "gather: MaxDigits, digits 1"));
        var failed = TimelineEvents.Of(new CallEventRecord("c", 3, At, "verb:failed", "play: the audio could not be fetched: 404"));

        Assert.Equal(("verb", "started", "gather"), (started.Type, started.Name, started.Verb));
        Assert.Equal(("ended", "gather", "MaxDigits, digits 1"), (ended.Name, ended.Verb, ended.Result));
        Assert.Equal(("failed", "play", "the audio could not be fetched: 404"), (failed.Name, failed.Verb, failed.Reason));
    }

    [Fact]
    public void AnAmdDecision_AndAnEventOfNoKnownKind_KeepTheirText()
    {
        var amd = TimelineEvents.Of(new CallEventRecord("c", 1, At, "amd", "HumanDetected: ShortGreeting"));
        var other = TimelineEvents.Of(new CallEventRecord("c", 2, At, "something:new", "what happened"));

        Assert.Equal(("amd", "HumanDetected", "ShortGreeting"), (amd.Type, amd.Name, amd.Reason));
        Assert.Equal(("event", "something:new", "what happened"), (other.Type, other.Name, other.Reason));
    }
}
