using System.CommandLine;
using System.CommandLine.Help;

namespace Switchboard.Server.Configuration;

/// <summary>
/// The command line: one flag per setting (<see cref="SettingsCatalog"/>), <c>--config FILE</c>, <c>--help</c>
/// (every setting with its variable and default) and <c>--version</c>.
/// </summary>
public sealed class SwitchboardCommand
{
    /// <summary>The flag naming the configuration file.</summary>
    public const string ConfigFlag = "--config";

    private readonly RootCommand _root;
    private readonly Option<string> _config;
    private readonly IReadOnlyList<(Setting Setting, Option<string> Option)> _settings;

    public SwitchboardCommand()
    {
        _root = new RootCommand(
            "Switchboard: a programmable voice platform in one process (SIP, RTP, call flows, four HTTP API dialects)." + Environment.NewLine
            + $"Each setting is read from the \"{SettingsReader.Section}\" section of {SettingsReader.FileName} (next to the data directory, or {ConfigFlag} FILE), "
            + "then from its SWITCHBOARD_* variable, then from its flag: the later wins.");
        _config = new Option<string>(ConfigFlag)
        {
            Description = $"the JSON configuration file to read (default: {SettingsReader.FileName} next to the data directory, when there is one)",
            HelpName = "file",
        };
        _root.Options.Add(_config);
        _settings = SettingsCatalog.All.Select(setting => (setting, new Option<string>(setting.Flag)
        {
            Description = $"{setting.Description} [{setting.Variable}; default: {setting.Default ?? "none"}]",
            HelpName = "value",
        })).ToList();
        foreach (var (_, option) in _settings)
        {
            _root.Options.Add(option);
        }
    }

    /// <summary>Parses <paramref name="args"/>; see <see cref="ParseResult.Errors"/> for what is wrong.</summary>
    public ParseResult Parse(IReadOnlyList<string> args) => _root.Parse(args);

    /// <summary>Whether the command line asks for help or the version rather than a server.</summary>
    public bool AsksForHelpOrVersion(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return _root.Options.Any(option => option is HelpOption or VersionOption && parsed.GetResult(option) is not null);
    }

    /// <summary>The file named by <c>--config</c>, if any.</summary>
    public string? ConfigFile(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return parsed.GetValue(_config);
    }

    /// <summary>The settings given as flags, by configuration key.</summary>
    public IReadOnlyDictionary<string, string?> Flags(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return _settings
            .Where(pair => parsed.GetResult(pair.Option) is not null)
            .ToDictionary(pair => SettingsReader.Section + ":" + pair.Setting.Key, pair => parsed.GetValue(pair.Option));
    }

    /// <summary>What <c>--help</c> prints.</summary>
    public string Help()
    {
        using var output = new StringWriter();
        _root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
    }
}
