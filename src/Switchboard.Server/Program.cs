using Switchboard.Server.Configuration;
using Switchboard.Server.Hosting;

if (args.Any(arg => arg is "--help" or "-h"))
{
    Console.WriteLine(SettingsReader.Help());
    return 0;
}

try
{
    var settings = SettingsReader.Read(args, Environment.GetEnvironmentVariable);
    await using var app = await SwitchboardApp.StartAsync(settings, logging: null, CancellationToken.None);
    Console.WriteLine($"Switchboard is listening: HTTP {app.HttpAddress}, SIP udp:{app.SipEndPoint}, RTP {settings.RtpPortMin}-{settings.RtpPortMax}, data {Path.GetFullPath(settings.DataDirectory)}");
    Console.WriteLine(app.NewApiKey is { } key
        ? $"API key for account {app.AccountSid} (shown once, keep it): {key}"
        : $"Account {app.AccountSid}; use your API key (or set SWITCHBOARD_API_KEY).");
    await app.WaitForShutdownAsync(CancellationToken.None);
    return 0;
}
catch (SettingsException invalid)
{
    await Console.Error.WriteLineAsync("switchboard: " + invalid.Message);
    return 2;
}
