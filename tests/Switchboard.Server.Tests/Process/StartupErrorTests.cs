using System.Net;
using System.Net.Sockets;

namespace Switchboard.Server.Tests.Process;

/// <summary>
/// A start that cannot succeed ends with one line on stderr naming the setting and its value, and exit code 1:
/// no stack trace, no abort. Ports in use are held on ports the OS picks; RTP 39321–39329.
/// </summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchboard-startup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ASipPortInUse_NamesTheSettingAndThePort()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var taken = (IPEndPoint)holder.LocalEndPoint!;

        var outcome = await RunAsync("--sip", taken.ToString(), "--http", "127.0.0.1:0");

        AssertFailsWith(outcome, $"switchboard: SWITCHBOARD_SIP (--sip): cannot listen on {taken}: the port is in use by another program");
    }

    [Fact]
    public async Task AnHttpPortInUse_NamesTheSettingAndThePort()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = (IPEndPoint)holder.LocalEndpoint;

        var outcome = await RunAsync("--sip", "127.0.0.1:0", "--http", taken.ToString());

        AssertFailsWith(outcome, $"switchboard: SWITCHBOARD_HTTP (--http): cannot listen on {taken}: the port is in use by another program");
    }

    [Fact]
    public async Task AnAddressOfAnotherMachine_IsNamed()
    {
        // 192.0.2.0/24 is TEST-NET-1: never assigned to a real interface.
        var outcome = await RunAsync("--sip", "192.0.2.1:5060", "--http", "127.0.0.1:0");

        AssertFailsWith(outcome, "switchboard: SWITCHBOARD_SIP (--sip): cannot listen on 192.0.2.1:5060: 192.0.2.1 is not an address of this machine");
    }

    [Fact]
    public async Task AMalformedAddress_IsNamed()
    {
        var outcome = await RunAsync("--sip", "127.0.0.1:0", "--http", "localhost");

        AssertFailsWith(outcome, "switchboard: SWITCHBOARD_HTTP (--http): 'localhost' is not host:port with an IP host (from the command line)");
    }

    [Fact]
    public async Task ADataDirectoryThatCannotBeCreated_IsNamed()
    {
        // Under a regular file: no user, root included, can create a directory there.
        var file = Path.Combine(_directory, "a-file");
        await File.WriteAllTextAsync(file, "not a directory");
        var data = Path.Combine(file, "data");

        var outcome = await RunAsync("--sip", "127.0.0.1:0", "--http", "127.0.0.1:0", "--data", data);

        AssertFailsWith(outcome, $"switchboard: SWITCHBOARD_DATA (--data): '{data}' cannot be used as the data directory: ");
    }

    [Fact]
    public async Task ADatabaseThatCannotBeOpened_IsNamed()
    {
        var data = Path.Combine(_directory, "data");
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "switchboard.db"), "this text is not an SQLite database, whatever its name says");

        var outcome = await RunAsync("--sip", "127.0.0.1:0", "--http", "127.0.0.1:0", "--data", data);

        AssertFailsWith(outcome, $"switchboard: SWITCHBOARD_DATA (--data): the database '{Path.Combine(data, "switchboard.db")}' cannot be opened: SQLite Error 26: 'file is not a database'.");
    }

    [Fact]
    public async Task AnUnknownFlag_SaysSoAndPointsAtHelp()
    {
        var outcome = await RunAsync("--colour", "blue");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("switchboard: Unrecognized command or argument '--colour'.", outcome.ErrorLines);
        Assert.Equal("switchboard: --help lists every setting", outcome.ErrorLines[^1]);
    }

    private Task<ProcessOutcome> RunAsync(params string[] args) =>
        SwitchboardProcess.RunAsync(args.Concat(args.Contains("--data") ? [] : ["--data", Path.Combine(_directory, "data")]).Concat(["--rtp-ports", "39321-39329"]));

    private static void AssertFailsWith(ProcessOutcome outcome, string line)
    {
        Assert.True(outcome.ExitCode == 1, $"exit code {outcome.ExitCode}:\n{outcome.Output}\n{outcome.Error}");
        Assert.True(outcome.ErrorLines.Length == 1 && outcome.ErrorLines[0].StartsWith(line, StringComparison.Ordinal), $"expected one line starting {line}, got:\n{outcome.Error}");
        Assert.DoesNotContain("   at ", outcome.Output + outcome.Error, StringComparison.Ordinal);
    }
}
