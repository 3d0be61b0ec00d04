using System.Text.Json;
using Switchboard.Api.Callback;
using Switchboard.Api.Conversation;
using Switchboard.Api.Problems;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Tests.Callback;

public sealed class CallbackRequestReaderTests
{
    // Seed 000's example, as written: each leg sees the other's number as caller ID.
    private const string SeedBody = """
        {
        "leg_A": {
        "to": "1000123",
          "from": "1000125"
        },
        "leg_B": {
        "to": "1000125",
          "from": "1000123"
        }
        }
        """;

    [Fact]
    public void Read_SeedRequest_GivesEachLegTheOthersNumberAndDefaultsToSequentialFromLegA()
    {
        var request = Read(SeedBody);

        Assert.Equal(("1000123", false, "1000125"), (request.LegA.To, request.LegA.ToIsSipUri, request.LegA.From));
        Assert.Equal(("1000125", false, "1000123"), (request.LegB.To, request.LegB.ToIsSipUri, request.LegB.From));
        Assert.Equal(CallbackMode.Sequential, request.Mode);
        Assert.Equal(CallbackLeg.A, request.First);
        Assert.Equal(CallbackLegReader.DefaultRingTimeout, request.LegA.RingTimeout);
        Assert.Null(request.Announcement);
        Assert.Null(request.Callback);
        Assert.False(request.Record);
    }

    [Fact]
    public void Read_EveryOption_IsCarriedThrough()
    {
        var request = Read("""
            {
              "leg_A": {"to": "sip:agent@127.0.0.1:5070", "from": "+15550001", "callerName": "Support", "timeout": 20,
                        "headers": {"X-Queue": "sales"}, "tag": {"ticket": 7}},
              "leg_B": {"to": "+15550002", "from": "+15550003", "trunk": "carrier-one"},
              "mode": "simultaneous", "first": "leg_B", "announcement": "Please hold while we connect you.",
              "holdAudio": "https://example.com/hold.wav", "record": true, "timeLimit": 300,
              "callback": {"url": "https://example.com/events", "strategy": "OnCompletion"}
            }
            """);

        Assert.True(request.LegA.ToIsSipUri);
        Assert.Equal("Support", request.LegA.CallerName);
        Assert.Equal(TimeSpan.FromSeconds(20), request.LegA.RingTimeout);
        Assert.Equal([new KeyValuePair<string, string>("X-Queue", "sales")], request.LegA.Headers);
        Assert.Equal(7, request.LegA.Tag!.Value.GetProperty("ticket").GetInt32());
        Assert.Equal("carrier-one", request.LegB.Trunk);
        Assert.Equal(CallbackMode.Simultaneous, request.Mode);
        Assert.Equal(CallbackLeg.B, request.First);
        Assert.Equal(new SayVerb("Please hold while we connect you.", null, null, null, false), request.Announcement);
        Assert.Equal(new Uri("https://example.com/hold.wav"), request.HoldAudio);
        Assert.True(request.Record);
        Assert.Equal(TimeSpan.FromSeconds(300), request.TimeLimit);
        Assert.Equal(CallbackStrategy.OnCompletion, request.Callback!.Strategy);
    }

    [Fact]
    public void Read_AnnouncementThatIsAUrl_IsPlayedRatherThanSaid()
    {
        var request = Read("""
            {"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "announcement": "https://example.com/wait.wav"}
            """);

        Assert.Equal(new PlayVerb(new Uri("https://example.com/wait.wav"), 1, false), request.Announcement);
    }

    [Theory]
    [InlineData("""[]""", "$")]
    [InlineData("""{"leg_B": {"to": "3", "from": "4"}}""", "leg_A")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}}""", "leg_B")]
    [InlineData("""{"leg_A": {"from": "2"}, "leg_B": {"to": "3", "from": "4"}}""", "leg_A.to")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"from": "4"}}""", "leg_B.to")]
    [InlineData("""{"leg_A": {"to": "1"}, "leg_B": {"to": "3", "from": "4"}}""", "leg_A.from")]
    [InlineData("""{"leg_A": {"to": "call me", "from": "2"}, "leg_B": {"to": "3", "from": "4"}}""", "leg_A.to")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "tel:+15550002", "from": "4"}}""", "leg_B.to")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "sip:", "from": "4"}}""", "leg_B.to")]
    [InlineData("""{"leg_A": {"to": "1", "from": "a b"}, "leg_B": {"to": "3", "from": "4"}}""", "leg_A.from")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2", "timeout": 0}, "leg_B": {"to": "3", "from": "4"}}""", "leg_A.timeout")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4", "headers": {"Via": "x"}}}""", "leg_B.headers.Via")]
    [InlineData("""{"leg_A": {"to": "sip:a@h", "from": "2", "trunk": "t"}, "leg_B": {"to": "3", "from": "4"}}""", "leg_A.trunk")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "mode": "parallel"}""", "mode")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "first": "leg_C"}""", "first")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "holdAudio": "ftp://x/y"}""", "holdAudio")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "announcement": " "}""", "announcement")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "record": "yes"}""", "record")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "timeLimit": 0}""", "timeLimit")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "callback": {"url": "x"}}""", "callback.url")]
    [InlineData("""{"leg_A": {"to": "1", "from": "2"}, "leg_B": {"to": "3", "from": "4"}, "callback": {"url": "http://x/", "strategy": "Always"}}""", "callback.strategy")]
    public void Read_InvalidField_IsNamed(string body, string field)
    {
        var error = Assert.Throws<ValidationException>(() => Read(body));

        Assert.Equal(field, error.Error.Field);
    }

    [Theory]
    [InlineData("+15550001", "15550001")]
    [InlineData("sip:agent@Example.COM", "SIP:agent@example.com")]
    public void Read_SamePartyOnBothLegs_IsRefusedNamingLegB(string legA, string legB)
    {
        var body = $$$"""{"leg_A": {"to": "{{{legA}}}", "from": "2"}, "leg_B": {"to": "{{{legB}}}", "from": "4"}}""";

        var error = Assert.Throws<ValidationException>(() => Read(body));

        Assert.Equal("leg_B.to", error.Error.Field);
    }

    [Fact]
    public void Read_SameUserAtAnotherHost_IsAnotherParty()
    {
        var request = Read("""{"leg_A": {"to": "sip:agent@a.example", "from": "2"}, "leg_B": {"to": "sip:agent@b.example", "from": "4"}}""");

        Assert.Equal("sip:agent@b.example", request.LegB.To);
    }

    private static CallbackRequest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CallbackRequestReader.Read(document.RootElement);
    }
}
