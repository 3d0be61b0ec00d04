namespace Switchboard.Server.Configuration;

/// <summary>The values of SWITCHBOARD_LOG_FORMAT.</summary>
public static class LogFormats
{
    /// <summary>One readable line per message.</summary>
    public const string Text = "text";

    /// <summary>One JSON object per line.</summary>
    public const string Json = "json";
}
