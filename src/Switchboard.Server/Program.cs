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
    Console.WriteLine($"Switchboard is listening: HTTP {app.HttpAddress}, SIP udp:{app.SipEndPoint}, RTP {settings.RtpPortMin}-{settings.RtpPortMax}, data {Path.GetFullPath(settings.DataDirectory)}");
    Console.WriteLine(app.NewApiKey is { } key
        ? $"API key for account {app.AccountSid} (shown once, keep it): {key}"
        : $"Account {app.AccountSid}; use your API key (or set SWITCHBOARD_API_KEY).");
    await app.WaitForShutdownAsync(CancellationToken.None);
    return 0;
}
catch (Exception cannotStart) when (cannotStart is SettingsException or StartupException)
{
    await Console.Error.WriteLineAsync("switchboard: " + cannotStart.Message);
    return 1;
}
