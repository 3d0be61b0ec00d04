using System.Net;
using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

namespace Switchboard.Server.Tests.Hosting;

public sealed class DescriptorBudgetTests
{
    private const string Limits = """
        Limit                     Soft Limit           Hard Limit           Units
        Max cpu time              unlimited            unlimited            seconds
        Max open files            1024                 524288               files
        Max locked memory         8388608              8388608              bytes
        """;

    [Fact]
    public void TheSoftOpenFileLimit_IsRead()
    {
        Assert.Equal(1024, DescriptorBudget.OpenFileLimit(Limits));
    }

    [Fact]
    public void AnUnlimitedOrMissingLimit_IsNoLimit()
    {
        Assert.Null(DescriptorBudget.OpenFileLimit(Limits.Replace("1024 ", "unlimited ", StringComparison.Ordinal)));
        Assert.Null(DescriptorBudget.OpenFileLimit("Limit Soft Limit Hard Limit Units\n"));
    }

    [Fact]
    public void TheDefaults_Need_SipTcpHttpAndRtp_PlusTheReserve()
    {
        var settings = new SwitchboardSettings(
            new IPEndPoint(IPAddress.Loopback, 5060), new IPEndPoint(IPAddress.Loopback, 8080), null, 20000, 29999, "data", null, null, null);

        Assert.Equal(1000 + 1000 + 10000 + DescriptorBudget.Reserve, DescriptorBudget.Needed(settings));
    }
}
