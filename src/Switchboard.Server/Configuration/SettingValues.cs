using System.Globalization;
using System.Net;
using Switchboard.Calls.Engine.Speech;

namespace Switchboard.Server.Configuration;

/// <summary>
/// Reads one setting's text into its value. A malformed value is a <see cref="FormatException"/> whose message
/// completes "'value' ..."; <see cref="Setting.Apply"/> names the setting in front of it.
/// </summary>
internal static class SettingValues
{
    public static double Number(string text, double min, double max) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"is not a number from {Setting.Format(min)} to {Setting.Format(max)}");

    public static int Count(string text, int min, int max) => (int)Number(text, min, max);

    public static long Bytes(string text, long min, long max) => (long)Number(text, min, max);

    public static TimeSpan Seconds(string text, double min, double max) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds >= min && seconds <= max
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"is not a number of seconds from {Setting.Format(min)} to {Setting.Format(max)}");

    // 0 turns the timeout off; fractions are allowed (tests use short ones).
    public static TimeSpan SecondsOrOff(string text, double max)
    {
        var seconds = Seconds(text, 0, max);
        return seconds == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : seconds;
    }

    public static bool Boolean(string text) => text.ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        _ => throw new FormatException("is not true or false"),
    };

    // Port 0 asks the OS for a free port (tests use it); the bound port is printed at start.
    public static IPEndPoint EndPoint(string text) =>
        text.Contains(':', StringComparison.Ordinal) && IPEndPoint.TryParse(text, out var endPoint)
            ? endPoint
            : throw new FormatException("is not host:port with an IP host");

    public static string? Address(string text) =>
        text.Length == 0 || IPAddress.TryParse(text, out _) ? NullIfEmpty(text) : throw new FormatException("is not an IP address");

    public static string? SipUri(string text) =>
        text.Length == 0 || text.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) ? NullIfEmpty(text) : throw new FormatException("is not a sip: URI");

    public static Uri? HttpUrl(string text) =>
        text.Length == 0 ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url
        : throw new FormatException("is not an http or https URL");

    public static (int Min, int Max) PortRange(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min is >= 1024 and <= 65534 && max <= 65535 && max - min >= 1)
        {
            return (min, max);
        }

        throw new FormatException("is not a port range low-high within 1024-65535");
    }

    public static string Recognizer(string text) =>
        text.ToLowerInvariant() is RecognizerVendors.PocketSphinx or RecognizerVendors.OpenAi
            ? text.ToLowerInvariant()
            : throw new FormatException($"is not {RecognizerVendors.PocketSphinx} or {RecognizerVendors.OpenAi}");

    public static string LogFormat(string text) =>
        text.ToLowerInvariant() is LogFormats.Text or LogFormats.Json
            ? text.ToLowerInvariant()
            : throw new FormatException($"is not {LogFormats.Text} or {LogFormats.Json}");

    public static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
