using System.Net;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class ConfigurationFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchboard-config-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EachSetting_TakesTheFlagOverTheVariableOverTheFile()
    {
        var file = Write("""{"Switchboard": {"MaxCalls": 10, "MaxCps": 1, "ShutdownGrace": 5, "Http": "127.0.0.1:9000"}}""");
        var environment = new Dictionary<string, string> { ["SWITCHBOARD_MAX_CPS"] = "2", ["SWITCHBOARD_SHUTDOWN_GRACE"] = "6" };

        var settings = SettingsReader.Read(["--config", file, "--shutdown-grace", "7"], environment.GetValueOrDefault);

        Assert.Equal(10, settings.MaxLiveCalls);
        Assert.Equal(2, settings.CallsPerSecondPerAccount);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.ShutdownGrace);
        Assert.Equal(IPEndPoint.Parse("127.0.0.1:9000"), settings.Http);
        Assert.Equal(SwitchboardSettings.Defaults.MaxCallDuration, settings.MaxCallDuration);
    }

    [Fact]
    public void TheFileNextToTheDataDirectory_IsReadWithoutConfig()
    {
        Write("""{"Switchboard": {"MaxCalls": 12, "AllowPrivateUrls": true}}""");

        var settings = SettingsReader.Read(["--data", Path.Combine(_directory, "data")], _ => null);

        Assert.Equal(12, settings.MaxLiveCalls);
        Assert.True(settings.AllowPrivateUrls);
    }

    [Fact]
    public void ABadValueInTheFile_NamesTheSettingTheValueAndTheFile()
    {
        var file = Write("""{"Switchboard": {"RtpPorts": "9-8"}}""");

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(["--config", file], _ => null));

        Assert.Equal($"SWITCHBOARD_RTP_PORTS (--rtp-ports): '9-8' is not a port range low-high within 1024-65535 (from {file})", error.Message);
    }

    [Fact]
    public void AnUnknownKeyInTheFile_IsRefused()
    {
        var file = Write("""{"Switchboard": {"MaxCall": 5}}""");

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(["--config", file], _ => null));

        Assert.StartsWith($"{file}: Switchboard:MaxCall is not a setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedFile_IsRefusedNamingIt()
    {
        var file = Write("""{"Switchboard": {"MaxCalls": """);

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(["--config", file], _ => null));

        Assert.StartsWith(file + ":", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AConfigFileThatDoesNotExist_IsRefused()
    {
        var missing = Path.Combine(_directory, "nowhere.json");

        var error = Assert.Throws<SettingsException>(() => SettingsReader.Read(["--config", missing], _ => null));

        Assert.Equal($"--config: '{missing}' does not exist", error.Message);
    }

    [Fact]
    public void AnEmptyVariable_LeavesTheFileValue()
    {
        var file = Write("""{"Switchboard": {"DefaultCarrier": "sip:127.0.0.1:5070"}}""");

        var settings = SettingsReader.Read(["--config", file], name => name == "SWITCHBOARD_DEFAULT_CARRIER" ? " " : null);

        Assert.Equal("sip:127.0.0.1:5070", settings.DefaultCarrier);
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory, SettingsReader.FileName);
        File.WriteAllText(path, json);
        return path;
    }
}
