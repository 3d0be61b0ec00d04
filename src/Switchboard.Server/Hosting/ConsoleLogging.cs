using System.Text.Json;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Where and how the server logs: the console, as text or one JSON object per line (SWITCHBOARD_LOG_FORMAT). The
/// framework's own categories log from Warning up: their per-request and lifetime lines would outnumber ours.
/// </summary>
internal static class ConsoleLogging
{
    public static void Configure(ILoggingBuilder logging, SwitchboardSettings settings)
    {
        logging.ClearProviders();
        if (settings.LogFormat == LogFormats.Json)
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
                options.JsonWriterOptions = new JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(options => options.SingleLine = true);
        }

        // A more specific category in appsettings.json's "Logging" section (e.g. Microsoft.AspNetCore) overrides these.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);

        // The key ring is kept readable by this user only (keys/ is 0700), not by an XML encryptor, which Data Protection
        // would warn about at every start.
        logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        // An unhealthy check is answered on /health/ready with its reason; the framework's error line adds nothing.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
    }
}
