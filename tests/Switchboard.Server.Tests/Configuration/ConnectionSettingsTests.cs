using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class ConnectionSettingsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var settings = SettingsReader.Read([], _ => null);

        Assert.Equal(1000, settings.SipTcp.MaxConnections);
        Assert.Equal(50, settings.SipTcp.MaxConnectionsPerAddress);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.SipTcp.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.SipTcp.MessageTimeout);
        Assert.Equal(1000, settings.HttpMaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.HttpKeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.HttpHeaderTimeout);
    }

    [Fact]
    public void FlagsAndVariables_SetThem()
    {
        var environment = new Dictionary<string, string>
        {
            ["SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS"] = "200",
            ["SWITCHBOARD_HTTP_KEEP_ALIVE_TIMEOUT"] = "15",
        };

        var settings = SettingsReader.Read(
            ["--sip-tcp-max-per-address", "10", "--sip-tcp-idle-timeout=60", "--sip-tcp-message-timeout", "2.5", "--http-max-connections", "300", "--http-header-timeout", "4"],
            environment.GetValueOrDefault);

        Assert.Equal(200, settings.SipTcp.MaxConnections);
        Assert.Equal(10, settings.SipTcp.MaxConnectionsPerAddress);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.SipTcp.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.SipTcp.MessageTimeout);
        Assert.Equal(300, settings.HttpMaxConnections);
        Assert.Equal(TimeSpan.FromSeconds(15), settings.HttpKeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.HttpHeaderTimeout);
    }

    [Theory]
    [InlineData("SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS", "0")]
    [InlineData("SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS", "many")]
    [InlineData("SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS", "2000")]
    [InlineData("SWITCHBOARD_SIP_TCP_IDLE_TIMEOUT", "0")]
    [InlineData("SWITCHBOARD_SIP_TCP_MESSAGE_TIMEOUT", "600")]
    [InlineData("SWITCHBOARD_HTTP_MAX_CONNECTIONS", "0")]
    [InlineData("SWITCHBOARD_HTTP_KEEP_ALIVE_TIMEOUT", "0")]
    [InlineData("SWITCHBOARD_HTTP_HEADER_TIMEOUT", "-1")]
    public void BadValues_StopTheStartNamingTheSetting(string variable, string value)
    {
        var environment = new Dictionary<string, string> { [variable] = value };

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read([], environment.GetValueOrDefault));

        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
    }
}
