using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class WebhookAnswerLimitSettingTests
{
    [Fact]
    public void TheLimit_IsOneMebibyte_UnlessSet()
    {
        Assert.Equal(1024 * 1024, SettingsReader.Read([], _ => null).WebhookMaxAnswerBytes);
        Assert.Equal(65536, SettingsReader.Read(["--webhook-max-answer-bytes", "65536"], _ => null).WebhookMaxAnswerBytes);
        Assert.Equal(2048, SettingsReader.Read([], name => name == "SWITCHBOARD_WEBHOOK_MAX_ANSWER_BYTES" ? "2048" : null).WebhookMaxAnswerBytes);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("12")]
    [InlineData("lots")]
    public void ALimitOutOfRange_IsRefused_NamingTheSetting(string value)
    {
        var failure = Assert.Throws<SettingsException>(() => SettingsReader.Read(["--webhook-max-answer-bytes", value], _ => null));

        Assert.Contains("SWITCHBOARD_WEBHOOK_MAX_ANSWER_BYTES", failure.Message, StringComparison.Ordinal);
    }
}
