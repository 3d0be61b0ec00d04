using System.Globalization;

namespace Switchboard.Bench.Sip;

/// <summary>The command line: how fast SIPp calls, how many calls, how long each is held, and who answers.</summary>
internal sealed record BenchOptions(int Rate, int Calls, int HoldMs, BenchPeer Peer)
{
    public const string Usage = "[--rate 300] [--calls 18000] [--hold-ms 1000] [--peer switchboard|sipp]";

    public static BenchOptions Parse(string[] args) => new(
        Number(args, "--rate", 300),
        Number(args, "--calls", 18000),
        Number(args, "--hold-ms", 1000),
        Value(args, "--peer") switch
        {
            null or "switchboard" => BenchPeer.Switchboard,
            "sipp" => BenchPeer.Sipp,
            var other => throw new ArgumentException($"--peer is switchboard or sipp, not '{other}'. Usage: {Usage}"),
        });

    private static int Number(string[] args, string name, int fallback) =>
        Value(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
