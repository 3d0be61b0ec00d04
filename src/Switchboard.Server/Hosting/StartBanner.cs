using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>
/// What a person needs once the server listens: where, and the API key when one was just made. Plain lines with
/// text logs; log messages (so every line stays one JSON object) with JSON logs.
/// </summary>
internal static class StartBanner
{
    public static void Print(SwitchboardApp app, SwitchboardSettings settings)
    {
        var data = Path.GetFullPath(settings.DataDirectory);
        if (settings.LogFormat == LogFormats.Json)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Switchboard.Server");
            Log.Listening(logger, app.HttpAddress, app.SipEndPoint.ToString(), settings.RtpPortMin, settings.RtpPortMax, data);
            if (app.NewApiKey is { } generated)
            {
                Log.ApiKeyGenerated(logger, app.AccountSid, generated);
            }

            return;
        }

        Console.WriteLine($"Switchboard is listening: HTTP {app.HttpAddress}, SIP udp:{app.SipEndPoint}, RTP {settings.RtpPortMin}-{settings.RtpPortMax}, data {data}");
        Console.WriteLine(app.NewApiKey is { } key
            ? $"API key for account {app.AccountSid} (shown once, keep it): {key}"
            : $"Account {app.AccountSid}; use your API key (or set SWITCHBOARD_API_KEY).");
    }
}
