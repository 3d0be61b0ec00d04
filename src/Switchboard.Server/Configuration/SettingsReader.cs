using System.CommandLine;
using Microsoft.Extensions.Configuration;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Reads the settings through <c>Microsoft.Extensions.Configuration</c>: the optional <c>appsettings.json</c>, then
/// <c>SWITCHBOARD_*</c> variables, then flags, the later winning; each value is checked by its
/// <see cref="Setting"/>, and a bad one stops the start with a message naming the setting, the value and where it
/// came from.
/// </summary>
public static class SettingsReader
{
    /// <summary>The configuration section the settings live in (<c>{"Switchboard": {"MaxCalls": 50}}</c>).</summary>
    public const string Section = "Switchboard";

    /// <summary>The configuration file looked for next to the data directory.</summary>
    public const string FileName = "appsettings.json";

    /// <exception cref="SettingsException">A setting is malformed, a flag is unknown, or the file cannot be read.</exception>
    public static SwitchboardSettings Read(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var command = new SwitchboardCommand();
        var parsed = command.Parse(args);
        return parsed.Errors.Count > 0
            ? throw new SettingsException(string.Join("; ", parsed.Errors.Select(error => error.Message)))
            : Read(command, parsed, environment);
    }

    /// <exception cref="SettingsException">A setting is malformed or the file cannot be read.</exception>
    public static SwitchboardSettings Read(SwitchboardCommand command, ParseResult parsed, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        var variables = SettingsCatalog.All
            .Select(setting => (Key: Section + ":" + setting.Key, Value: environment(setting.Variable)))
            .Where(variable => !string.IsNullOrWhiteSpace(variable.Value))
            .ToDictionary(variable => variable.Key, variable => variable.Value);
        var flags = command.Flags(parsed);
        var named = command.ConfigFile(parsed);
        var file = named ?? DefaultFile(flags, variables);

        // One origin per provider, in the order they are added, to say where a bad value came from.
        var builder = new ConfigurationBuilder();
        var origins = new List<string>();
        if (named is not null && !File.Exists(named))
        {
            throw new SettingsException($"{SwitchboardCommand.ConfigFlag}: '{named}' does not exist");
        }

        if (File.Exists(file))
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
            origins.Add(Path.GetFullPath(file));
        }

        builder.AddInMemoryCollection(variables);
        origins.Add("the environment");
        builder.AddInMemoryCollection(flags);
        origins.Add("the command line");
        var settings = Bind(Build(builder, file), origins);
        return File.Exists(file) ? settings with { ConfigurationFile = Path.GetFullPath(file) } : settings;
    }

    private static IConfigurationRoot Build(ConfigurationBuilder builder, string file)
    {
        try
        {
            return builder.Build();
        }
        catch (InvalidDataException malformed)
        {
            throw new SettingsException($"{file}: {malformed.Message}");
        }
        catch (FormatException malformed)
        {
            throw new SettingsException($"{file}: {malformed.Message}");
        }
    }

    private static SwitchboardSettings Bind(IConfigurationRoot configuration, IReadOnlyList<string> origins)
    {
        var known = SettingsCatalog.All.ToDictionary(setting => setting.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (!known.ContainsKey(child.Key))
            {
                throw new SettingsException($"{origins[0]}: {Section}:{child.Key} is not a setting (known: {string.Join(", ", known.Keys)})");
            }
        }

        var providers = configuration.Providers.ToList();
        var settings = SwitchboardSettings.Defaults;
        foreach (var setting in SettingsCatalog.All)
        {
            var key = Section + ":" + setting.Key;
            for (var index = providers.Count - 1; index >= 0; index--)
            {
                if (providers[index].TryGet(key, out var value) && value is not null)
                {
                    settings = setting.Apply(settings, value, origins[index]);
                    break;
                }
            }
        }

        return settings.SipTcp.MaxConnectionsPerAddress <= settings.SipTcp.MaxConnections
            ? settings
            : throw new SettingsException($"SWITCHBOARD_SIP_TCP_MAX_PER_ADDRESS: {settings.SipTcp.MaxConnectionsPerAddress} exceeds SWITCHBOARD_SIP_TCP_MAX_CONNECTIONS ({settings.SipTcp.MaxConnections})");
    }

    // appsettings.json beside the data directory: ./appsettings.json for the default ./data. The data directory
    // itself may then be set in the file; it is looked for where the variable or flag (or the default) says.
    private static string DefaultFile(IReadOnlyDictionary<string, string?> flags, IReadOnlyDictionary<string, string?> variables)
    {
        var key = Section + ":" + SettingsCatalog.All.Single(setting => setting.Flag == "--data").Key;
        var data = flags.GetValueOrDefault(key) ?? variables.GetValueOrDefault(key);
        data = string.IsNullOrWhiteSpace(data) ? SwitchboardSettings.Defaults.DataDirectory : data.Trim();
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(data))) ?? Directory.GetCurrentDirectory();
        return Path.Combine(parent, FileName);
    }
}
