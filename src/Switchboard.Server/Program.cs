using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

var command = new SwitchboardCommand();
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        await Console.Error.WriteLineAsync("switchboard: " + error.Message);
    }

    await Console.Error.WriteLineAsync("switchboard: --help lists every setting");
    return 1;
}

if (command.AsksForHelpOrVersion(parsed))
{
    return await parsed.InvokeAsync();
}

try
{
    var settings = SettingsReader.Read(command, parsed, Environment.GetEnvironmentVariable);
    await using var app = await SwitchboardApp.StartAsync(settings, logging: null, CancellationToken.None);
    StartBanner.Print(app, settings);
    await app.WaitForShutdownAsync(CancellationToken.None);
    return 0;
}
catch (Exception cannotStart) when (cannotStart is SettingsException or StartupException)
{
    await Console.Error.WriteLineAsync("switchboard: " + cannotStart.Message);
    return 1;
}
