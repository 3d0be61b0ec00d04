using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class LimitSettingsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var settings = SettingsReader.Read([], _ => null);

        Assert.Equal(10, settings.CallsPerSecondPerAccount);
        Assert.Equal(100, settings.ConcurrentCallsPerAccount);
        Assert.Equal(1000, settings.MaxLiveCalls);
        Assert.Equal(TimeSpan.FromHours(4), settings.MaxCallDuration);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ShutdownGrace);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.WebhookTimeout);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.WebhookAttemptTimeout);
        Assert.Equal(TimeSpan.FromHours(1), settings.WebhookRetryFor);
        Assert.Equal(TimeSpan.FromHours(24), settings.WebhookSecretGrace);
        Assert.Equal(1024 * 1024, settings.MaxRequestBytes);
    }

    [Fact]
    public void FlagsAndVariables_SetThem()
    {
        var environment = new Dictionary<string, string> { ["SWITCHBOARD_MAX_CPS"] = "2.5", ["SWITCHBOARD_WEBHOOK_RETRY_FOR"] = "7200" };

        var settings = SettingsReader.Read(["--max-calls", "50", "--shutdown-grace=0", "--webhook-timeout", "1.5"], environment.GetValueOrDefault);

        Assert.Equal(2.5, settings.CallsPerSecondPerAccount);
        Assert.Equal(TimeSpan.FromHours(2), settings.WebhookRetryFor);
        Assert.Equal(50, settings.MaxLiveCalls);
        Assert.Equal(TimeSpan.Zero, settings.ShutdownGrace);
        Assert.Equal(TimeSpan.FromSeconds(1.5), settings.WebhookTimeout);
    }

    [Theory]
    [InlineData("SWITCHBOARD_MAX_CPS", "fast")]
    [InlineData("SWITCHBOARD_MAX_CPS", "0")]
    [InlineData("SWITCHBOARD_MAX_CALLS", "-1")]
    [InlineData("SWITCHBOARD_WEBHOOK_TIMEOUT", "600")]
    [InlineData("SWITCHBOARD_MAX_REQUEST_BYTES", "10")]
    public void BadValues_StopTheStartNamingTheSetting(string variable, string value)
    {
        var environment = new Dictionary<string, string> { [variable] = value };

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read([], environment.GetValueOrDefault));

        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
    }
}
