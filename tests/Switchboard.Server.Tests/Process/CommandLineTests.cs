using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Process;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_PrintsEverySettingAndExitsZero()
    {
        var outcome = await SwitchboardProcess.RunAsync(["--help"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal(string.Empty, outcome.Error);
        foreach (var setting in SettingsCatalog.All)
        {
            Assert.Contains($"{setting.Flag} <value>", outcome.Output, StringComparison.Ordinal);
            Assert.Contains($"[{setting.Variable}; default: {setting.Default ?? "none"}]", outcome.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Version_PrintsTheAssemblyVersionAndExitsZero()
    {
        var outcome = await SwitchboardProcess.RunAsync(["--version"]);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", outcome.Output.Trim());
    }
}
