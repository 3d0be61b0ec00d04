using System.Net;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class SettingsReaderTests
{
    [Fact]
    public void Read_WithNothingSet_UsesTheContractDefaults()
    {
        var settings = SettingsReader.Read([], _ => null);

        Assert.Equal(IPEndPoint.Parse("127.0.0.1:8080"), settings.Http);
        Assert.Equal(IPEndPoint.Parse("0.0.0.0:5060"), settings.Sip);
        Assert.Equal((20000, 29999), (settings.RtpPortMin, settings.RtpPortMax));
        Assert.Equal("./data", settings.DataDirectory);
        Assert.Null(settings.Database);
        Assert.Null(settings.ApiKey);
        Assert.Null(settings.DefaultCarrier);
        Assert.Null(settings.PublicIp);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.MediaTimeout);
        Assert.False(settings.AllowPrivateUrls);
    }

    [Theory]
    [InlineData("2.5", 2500)]
    [InlineData("120", 120_000)]
    public void Read_MediaTimeout_IsInSeconds(string value, int milliseconds)
    {
        var settings = SettingsReader.Read([], name => name == "SWITCHBOARD_MEDIA_TIMEOUT" ? value : null);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), settings.MediaTimeout);
    }

    [Fact]
    public void Read_MediaTimeoutZero_TurnsItOff_AndPrivateUrlsCanBeAllowed()
    {
        var settings = SettingsReader.Read(["--media-timeout", "0", "--allow-private-urls=true"], _ => null);

        Assert.Equal(Timeout.InfiniteTimeSpan, settings.MediaTimeout);
        Assert.True(settings.AllowPrivateUrls);
    }

    [Fact]
    public void Read_FlagsWinOverEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["SWITCHBOARD_HTTP"] = "127.0.0.1:9000",
            ["SWITCHBOARD_SIP"] = "127.0.0.1:5080",
            ["SWITCHBOARD_DEFAULT_CARRIER"] = "sip:127.0.0.1:5070",
        };

        var settings = SettingsReader.Read(["--http", "127.0.0.1:9001", "--rtp-ports=30000-30099", "--public-ip", "192.0.2.10"], environment.GetValueOrDefault);

        Assert.Equal(9001, settings.Http.Port);
        Assert.Equal(5080, settings.Sip.Port);
        Assert.Equal((30000, 30099), (settings.RtpPortMin, settings.RtpPortMax));
        Assert.Equal("sip:127.0.0.1:5070", settings.DefaultCarrier);
        Assert.Equal("192.0.2.10", settings.AdvertisedAddress);
    }

    [Theory]
    [InlineData("--http", "localhost", "SWITCHBOARD_HTTP")]
    [InlineData("--sip", "1.2.3.4", "SWITCHBOARD_SIP")]
    [InlineData("--rtp-ports", "30000", "SWITCHBOARD_RTP_PORTS")]
    [InlineData("--rtp-ports", "70000-70010", "SWITCHBOARD_RTP_PORTS")]
    [InlineData("--public-ip", "example.com", "SWITCHBOARD_PUBLIC_IP")]
    [InlineData("--default-carrier", "127.0.0.1:5070", "SWITCHBOARD_DEFAULT_CARRIER")]
    [InlineData("--media-timeout", "-1", "SWITCHBOARD_MEDIA_TIMEOUT")]
    [InlineData("--media-timeout", "soon", "SWITCHBOARD_MEDIA_TIMEOUT")]
    [InlineData("--allow-private-urls", "maybe", "SWITCHBOARD_ALLOW_PRIVATE_URLS")]
    [InlineData("--colour", "blue", "--colour")]
    public void Read_BadValue_FailsNamingTheSetting(string flag, string value, string named)
    {
        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read([flag, value], _ => null));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
