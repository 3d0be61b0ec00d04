using System.Globalization;

namespace Switchboard.Server.Configuration;

/// <summary>
/// One setting: its flag, from which its environment variable and its configuration key follow
/// (<c>--max-calls</c>, <c>SWITCHBOARD_MAX_CALLS</c>, <c>Switchboard:MaxCalls</c>), what it means, how its default
/// reads (taken from <see cref="SwitchboardSettings.Defaults"/>, the one place defaults live), and how a value is
/// applied.
/// </summary>
public sealed record Setting
{
    private readonly Func<SwitchboardSettings, string, SwitchboardSettings> _apply;
    private readonly Func<SwitchboardSettings, string?> _show;

    internal Setting(string flag, string description, Func<SwitchboardSettings, string?> show, Func<SwitchboardSettings, string, SwitchboardSettings> apply)
    {
        Flag = flag;
        Description = description;
        _show = show;
        _apply = apply;
        var words = flag.TrimStart('-').Split('-');
        Variable = "SWITCHBOARD_" + string.Join('_', words).ToUpperInvariant();
        Key = string.Concat(words.Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    /// <summary>The command-line flag, e.g. <c>--max-calls</c>.</summary>
    public string Flag { get; }

    /// <summary>The environment variable, e.g. <c>SWITCHBOARD_MAX_CALLS</c>.</summary>
    public string Variable { get; }

    /// <summary>The key in the <c>Switchboard</c> section of <c>appsettings.json</c>, e.g. <c>MaxCalls</c>.</summary>
    public string Key { get; }

    /// <summary>What it means, for <c>--help</c>.</summary>
    public string Description { get; }

    /// <summary>The default as it would be written, or null when the setting has none.</summary>
    public string? Default => _show(SwitchboardSettings.Defaults);

    /// <summary>How the setting is named in messages: its variable and its flag.</summary>
    public string Names => $"{Variable} ({Flag})";

    /// <summary>
    /// <paramref name="settings"/> with this setting taken from <paramref name="value"/>; an empty value means the
    /// default.
    /// </summary>
    /// <param name="settings">The settings so far.</param>
    /// <param name="value">The text given for this setting.</param>
    /// <param name="origin">Where the value came from, for the message when it is malformed.</param>
    /// <exception cref="SettingsException">The value is malformed; the message names the setting, the value and its origin.</exception>
    public SwitchboardSettings Apply(SwitchboardSettings settings, string value, string origin)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return _apply(settings, Default ?? string.Empty);
        }

        try
        {
            return _apply(settings, trimmed);
        }
        catch (FormatException problem)
        {
            throw new SettingsException($"{Names}: '{trimmed}' {problem.Message} (from {origin})");
        }
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Format(TimeSpan value) => value == Timeout.InfiniteTimeSpan ? "0" : Format(value.TotalSeconds);
}
