using Switchboard.Server.Configuration;

namespace Switchboard.Server.Tests.Configuration;

public sealed class AudioLimitSettingTests
{
    [Fact]
    public void TheLimit_Is16Mebibytes_UnlessSet()
    {
        Assert.Equal(16 * 1024 * 1024, SettingsReader.Read([], _ => null).AudioMaxBytes);
        Assert.Equal(65536, SettingsReader.Read(["--audio-max-bytes", "65536"], _ => null).AudioMaxBytes);
        Assert.Equal(2048, SettingsReader.Read([], name => name == "SWITCHBOARD_AUDIO_MAX_BYTES" ? "2048" : null).AudioMaxBytes);
        Assert.Contains("SWITCHBOARD_AUDIO_MAX_BYTES", new SwitchboardCommand().Help(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("12")]
    [InlineData("lots")]
    public void ALimitOutOfRange_IsRefused_NamingTheSetting(string value)
    {
        var failure = Assert.Throws<SettingsException>(() => SettingsReader.Read(["--audio-max-bytes", value], _ => null));

        Assert.Contains("SWITCHBOARD_AUDIO_MAX_BYTES", failure.Message, StringComparison.Ordinal);
    }
}
