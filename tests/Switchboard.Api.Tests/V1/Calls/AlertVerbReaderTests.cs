using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

public sealed class AlertVerbReaderTests
{
    private static IReadOnlyList<Verb> Read(string application) =>
        new JambonzVerbReader(new Uri("https://app.example.com/call"), new Dictionary<string, WebhookTarget>())
            .ReadAll(JsonDocument.Parse(application).RootElement, "$");

    [Fact]
    public void Alert_TakesItsMessageAsTheAlertInfo()
    {
        var alert = Assert.IsType<AlertVerb>(Assert.Single(Read("""[{"verb":"alert","message":"<http://example.com/ring.wav>;info=alert-internal"}]""")));

        Assert.Equal("<http://example.com/ring.wav>;info=alert-internal", alert.AlertInfo);
    }

    [Theory]
    [InlineData("""[{"verb":"alert"}]""")]
    [InlineData("""[{"verb":"alert","message":""}]""")]
    [InlineData("""[{"verb":"alert","message":"<urn:x>\r\nX-Smuggled: 1"}]""")]
    public void Alert_WithoutAPrintableMessage_IsRefusedNamingIt(string application)
    {
        var refused = Assert.Throws<ValidationException>(() => Read(application));

        Assert.Equal("$[0].message", refused.Error.Field);
    }
}
