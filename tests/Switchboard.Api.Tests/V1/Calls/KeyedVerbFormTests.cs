using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>jambonz's second way of writing a verb: its name as the only key, its options as the value.</summary>
public sealed class KeyedVerbFormTests
{
    private static IReadOnlyList<Verb> Read(string application) =>
        new JambonzVerbReader(new Uri("https://app.example.com/call"), new Dictionary<string, WebhookTarget>())
            .ReadAll(JsonDocument.Parse(application).RootElement, "$");

    [Fact]
    public void TheKeyedForm_ReadsAsTheVerbForm()
    {
        var keyed = Read("""[{"say": {"text": "Hello", "loop": 2}}, {"pause": {"length": 1}}, {"hangup": {}}]""");
        var named = Read("""[{"verb": "say", "text": "Hello", "loop": 2}, {"verb": "pause", "length": 1}, {"verb": "hangup"}]""");

        Assert.Equal(named, keyed);
    }

    [Fact]
    public void AFieldOfAKeyedVerb_IsNamedUnderItsKey()
    {
        var refused = Assert.Throws<ValidationException>(() => Read("""[{"pause": {"length": -1}}]"""));

        Assert.Equal("$[0].pause.length", refused.Error.Field);
    }

    [Fact]
    public void AnUnknownKeyedVerb_IsNamedWhereItsNameStands()
    {
        var refused = Assert.Throws<ValidationException>(() => Read("""[{"dance": {"steps": 3}}]"""));

        Assert.Equal("$[0]", refused.Error.Field);
        Assert.Contains("dance", refused.Error.Message);
    }
}
