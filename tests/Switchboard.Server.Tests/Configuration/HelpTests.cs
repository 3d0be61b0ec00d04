using System.Text.RegularExpressions;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class HelpTests
{
    private static readonly string Help = new SwitchboardCommand().Help();

    public static TheoryData<string> Flags => [.. SettingsCatalog.All.Select(setting => setting.Flag)];

    [Theory]
    [MemberData(nameof(Flags))]
    public void Help_ListsTheSettingWithItsVariableAndDefault(string flag)
    {
        var setting = SettingsCatalog.All.Single(candidate => candidate.Flag == flag);
        var line = Help.Split('\n').SingleOrDefault(text => Regex.IsMatch(text, $@"^\s+{Regex.Escape(flag)}\s"));

        Assert.True(line is not null, flag + " is not listed in:\n" + Help);
        Assert.Contains($"[{setting.Variable}; default: {setting.Default ?? "none"}]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NamesTheConfigurationFileAndThePrecedence()
    {
        Assert.Contains("--config <file>", Help, StringComparison.Ordinal);
        Assert.Contains("then from its SWITCHBOARD_* variable, then from its flag", Help, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_KeepsEveryDocumentedName()
    {
        // The names users and scripts rely on (README's settings table); a rename would silently drop their setting.
        string[] documented =
        [
            "SWITCHBOARD_HTTP", "SWITCHBOARD_SIP", "SWITCHBOARD_PUBLIC_IP", "SWITCHBOARD_RTP_PORTS", "SWITCHBOARD_DATA", "SWITCHBOARD_DB",
            "SWITCHBOARD_API_KEY", "SWITCHBOARD_DEFAULT_CARRIER", "SWITCHBOARD_MEDIA_TIMEOUT", "SWITCHBOARD_MAX_CPS", "SWITCHBOARD_MAX_CALLS",
            "SWITCHBOARD_SHUTDOWN_GRACE", "SWITCHBOARD_WEBHOOK_RETRY_FOR", "SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS", "SWITCHBOARD_SPEECH_RECOGNIZER",
        ];

        Assert.Empty(documented.Except(SettingsCatalog.All.Select(setting => setting.Variable)));
        Assert.Equal("--sip-tcp-max-per-address", SettingsCatalog.All.Single(setting => setting.Variable == "SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS").Flag);
        Assert.Equal("SipTcpMaxPerAddress", SettingsCatalog.All.Single(setting => setting.Flag == "--sip-tcp-max-per-address").Key);
    }
}
