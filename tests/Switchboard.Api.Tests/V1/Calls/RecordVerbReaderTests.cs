using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Calls;
using Switchboard.Calls.Verbs;
using Switchboard.Storage.Applications;

namespace Switchboard.Api.Tests.V1.Calls;

public sealed class RecordVerbReaderTests
{
    private readonly Dictionary<string, WebhookTarget> _hooks = [];

    private IReadOnlyList<Verb> Read(string application) =>
        new JambonzVerbReader(new Uri("https://app.example.com/call"), _hooks).ReadAll(JsonDocument.Parse(application).RootElement, "$");

    [Fact]
    public void Record_TakesItsLimitsKeysAndBeep_AndResolvesItsActionHook()
    {
        var verbs = Read("""[{"verb":"record","actionHook":"/recorded","maxLength":30,"timeout":3,"finishOnKey":"#*","playBeep":false}]""");

        var record = Assert.IsType<RecordVerb>(Assert.Single(verbs));
        Assert.Equal("https://app.example.com/recorded", record.ActionHook);
        Assert.Equal(TimeSpan.FromSeconds(30), record.MaxLength);
        Assert.Equal(TimeSpan.FromSeconds(3), record.SilenceTimeout);
        Assert.Equal("#*", record.FinishOnKeys);
        Assert.False(record.PlayBeep);
        Assert.True(_hooks.ContainsKey("https://app.example.com/recorded"));
    }

    [Fact]
    public void Record_WithoutOptions_HasTwiliosDefaults()
    {
        var record = Assert.IsType<RecordVerb>(Assert.Single(Read("""[{"verb":"record"}]""")));

        Assert.Null(record.ActionHook);
        Assert.Equal(TimeSpan.FromHours(1), record.MaxLength);
        Assert.Equal(TimeSpan.FromSeconds(5), record.SilenceTimeout);
        Assert.Equal("1234567890*#", record.FinishOnKeys);
        Assert.True(record.PlayBeep);
    }

    [Fact]
    public void Record_WithZeroTimeoutAndNoKeys_EndsOnlyAtItsLengthOrHangup()
    {
        var record = Assert.IsType<RecordVerb>(Assert.Single(Read("""[{"verb":"record","timeout":0,"finishOnKey":""}]""")));

        Assert.Null(record.SilenceTimeout);
        Assert.Equal(string.Empty, record.FinishOnKeys);
    }

    [Theory]
    [InlineData("""{"verb":"record","maxLength":0}""", "$[0].maxLength")]
    [InlineData("""{"verb":"record","maxLength":14401}""", "$[0].maxLength")]
    [InlineData("""{"verb":"record","maxLength":"long"}""", "$[0].maxLength")]
    [InlineData("""{"verb":"record","timeout":-1}""", "$[0].timeout")]
    [InlineData("""{"verb":"record","finishOnKey":"x"}""", "$[0].finishOnKey")]
    [InlineData("""{"verb":"record","finishOnKey":true}""", "$[0].finishOnKey")]
    [InlineData("""{"verb":"record","finishOnKey":"#1234567890*#ABCD"}""", "$[0].finishOnKey")]
    [InlineData("""{"verb":"record","playBeep":"yes"}""", "$[0].playBeep")]
    [InlineData("""{"verb":"record","actionHook":"ftp://x/y"}""", "$[0].actionHook")]
    public void Record_WithABadValue_NamesTheField(string verb, string field)
    {
        var invalid = Assert.Throws<ValidationException>(() => Read($"[{verb}]"));

        Assert.Equal(field, invalid.Error.Field);
    }
}
