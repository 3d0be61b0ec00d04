using Microsoft.AspNetCore.Server.Kestrel.Core;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Tests.Configuration;

public sealed class KestrelLimitsTests
{
    [Fact]
    public void Apply_SetsEveryConnectionAndRequestLimitFromTheSettings()
    {
        var settings = SettingsReader.Read(
            ["--http-max-connections", "12", "--http-keep-alive-timeout", "7", "--http-header-timeout", "3", "--max-request-bytes", "4096"],
            _ => null);
        var limits = new KestrelServerLimits();

        KestrelLimitsSetup.Apply(limits, settings);

        Assert.Equal(12, limits.MaxConcurrentConnections);
        Assert.Equal(0, limits.MaxConcurrentUpgradedConnections);
        Assert.Equal(TimeSpan.FromSeconds(7), limits.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), limits.RequestHeadersTimeout);
        Assert.Equal(32 * 1024, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(4096, limits.MaxRequestBodySize);
        Assert.Equal(240, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(5), limits.MinRequestBodyDataRate.GracePeriod);
    }
}
