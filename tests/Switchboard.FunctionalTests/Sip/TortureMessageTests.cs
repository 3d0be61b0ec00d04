using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Sip;

/// <summary>
/// Every RFC 4475 message, sent as written to the whole server (its registrar, its call router, its storage) over
/// UDP and over TCP on loopback, gets the answer the server owes it, and the server answers an OPTIONS sent next.
/// The messages are the Sip tests' (tests/Switchboard.Sip.Tests/Torture), where each row's reasons are checked in
/// detail against a user agent alone; here only the statuses, and what the server's own layers add: an INVITE the
/// UA takes is refused by the call router, which knows no number for it.
/// </summary>
public sealed partial class TortureMessageTests(TortureMessageTests.ServerFixture fixture) : IClassFixture<TortureMessageTests.ServerFixture>
{
    private const int Routed = -1;

    // The router's 4xx for an INVITE that came just before a framing error: it is made off the receive thread (a
    // database lookup), and on a loaded machine may come after the connection the error closes is gone.
    private const int MaybeRouted = -2;

    /// <summary>Stands for the answer to the OPTIONS sent after each message.</summary>
    private const int ProbeStatus = 1200;

    /// <summary>The statuses over UDP and over TCP; <see cref="Routed"/> is the router's refusal after 100 Trying.</summary>
    private static readonly Dictionary<string, (int[] Udp, int[] Tcp)> Expected = new()
    {
        ["wsinv"] = ([481], [481]),
        ["intmeth"] = ([501], [501]),
        ["esc01"] = ([100, Routed], [100, Routed]),
        ["escnull"] = ([401], [401]),
        ["esc02"] = ([501], [501]),
        ["lwsdisp"] = ([200], [200]),
        ["longreq"] = ([100, Routed], [100, Routed]),
        ["dblreq"] = ([401], [401, 100, MaybeRouted]),
        ["semiuri"] = ([200], [200]),
        ["transports"] = ([200], [200]),
        ["mpart01"] = ([501], [501]),
        ["unreason"] = ([], []),
        ["noreason"] = ([], []),
        ["badinv01"] = ([400], [400]),
        ["clerr"] = ([400], []),
        ["ncl"] = ([400], [400]),
        ["scalar02"] = ([400], [400]),
        ["scalarlg"] = ([], []),
        ["quotbal"] = ([400], [400]),
        ["ltgtruri"] = ([400], [400]),
        ["lwsruri"] = ([400], [400]),
        ["lwsstart"] = ([400], [400]),
        ["trws"] = ([400], [400]),
        ["escruri"] = ([400], [400]),
        ["baddate"] = ([100, Routed], [100, Routed]),
        ["regbadct"] = ([401], [401]),
        ["badaspec"] = ([400], [400]),
        ["baddn"] = ([400], [400]),
        ["badvers"] = ([505], [505]),
        ["mismatch01"] = ([400], [400]),
        ["mismatch02"] = ([400], [400]),
        ["bigcode"] = ([], []),
        ["badbranch"] = ([200], [200]),
        ["insuf"] = ([400], [400]),
        ["unkscm"] = ([416], [416]),
        ["novelsc"] = ([416], [416]),
        ["unksm2"] = ([400], [400]),
        ["bext01"] = ([420], [420]),
        ["invut"] = ([415], [415]),
        ["regaut01"] = ([401], [401]),
        ["multi01"] = ([400], [400]),
        ["mcl01"] = ([400], [400]),
        ["bcast"] = ([], []),
        ["zeromf"] = ([200], [200]),
        ["cparam01"] = ([401], [401]),
        ["cparam02"] = ([401], [401]),
        ["regescrt"] = ([401], [401]),
        ["sdp01"] = ([406], [406]),
        ["inv2543"] = ([100, Routed], [400]),
    };

    private readonly TestServer _server = fixture.Server;

    public static TheoryData<string> Names => [.. Expected.Keys];

    [Fact]
    public void EveryMessageOfTheRfc_HasARow() =>
        Assert.Equal(Directory.GetFiles(TortureDirectory(), "*.dat").Select(Path.GetFileNameWithoutExtension).Order(), Expected.Keys.Order());

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OverUdp_TheServerAnswersAsItMust(string name)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        var message = WithTopViaAt(Load(name), $"127.0.0.1:{port}");
        await socket.SendToAsync(message, _server.App.SipEndPoint);
        await socket.SendToAsync(Probe("UDP", port), _server.App.SipEndPoint);

        // Until the probe's answer, and every answer expected (the router's may come after the probe's).
        var expected = Expected[name].Udp;
        var statuses = new List<int>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[65536];
        while (!statuses.Contains(ProbeStatus) || statuses.Distinct().Count() <= expected.Length)
        {
            var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), patience.Token);
            statuses.Add(StatusOf(Encoding.Latin1.GetString(buffer, 0, received.ReceivedBytes)));
        }

        AssertStatuses(expected, statuses);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OverTcp_TheServerAnswersAsItMust(string name)
    {
        using (var connection = new TcpClient())
        {
            await connection.ConnectAsync(_server.App.SipEndPoint);
            await connection.GetStream().WriteAsync(Load(name));
            var statuses = await ReadAllAsync(connection.GetStream());
            AssertStatuses(Expected[name].Tcp, statuses);
        }

        // The server takes the next connection and answers on it.
        using var next = new TcpClient();
        await next.ConnectAsync(_server.App.SipEndPoint);
        await next.GetStream().WriteAsync(Probe("TCP", ((IPEndPoint)next.Client.LocalEndPoint!).Port));
        Assert.Equal([200], await ReadAllAsync(next.GetStream(), untilProbe: true));
    }

    /// <summary>
    /// The answers' statuses, in any order (a REGISTER is answered off the receive thread) and with retransmissions of
    /// a final answer read as one; <see cref="Routed"/> stands for the router's 4xx for a number nobody has.
    /// </summary>
    private static void AssertStatuses(int[] expected, List<int> statuses)
    {
        var answers = statuses.Where(s => s != ProbeStatus).Distinct().ToList();
        foreach (var status in expected.Where(s => s is not Routed and not MaybeRouted))
        {
            Assert.True(answers.Remove(status), $"expected {status} among {string.Join(", ", statuses)}");
        }

        Assert.InRange(answers.Count, expected.Count(s => s == Routed), expected.Count(s => s is Routed or MaybeRouted));
        Assert.All(answers, status => Assert.InRange(status, 400, 499));
    }

    /// <summary>
    /// The statuses of what comes on the connection until it closes or is quiet for a second and a half, or, with
    /// <paramref name="untilProbe"/>, until the probe's answer (within ten seconds).
    /// </summary>
    private static async Task<List<int>> ReadAllAsync(NetworkStream stream, bool untilProbe = false)
    {
        var text = new StringBuilder();
        var buffer = new byte[65536];
        while (!(untilProbe && text.ToString().Contains("Call-ID: probe", StringComparison.Ordinal)))
        {
            using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(untilProbe ? 10 : 1.5));
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, quiet.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.Latin1.GetString(buffer, 0, read));
        }

        return [.. StatusLine().Matches(text.ToString()).Select(m => StatusOf(m.Value))];
    }

    private static int StatusOf(string response)
    {
        var match = StatusLine().Match(response);
        Assert.True(match.Success, response);
        return response.Contains("Call-ID: probe", StringComparison.Ordinal) ? ProbeStatus : int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// An OPTIONS with a branch of its own: a UDP test's port may come back as a later TCP connection's, and a branch
    /// seen before from the same sent-by would be a retransmission of that earlier transaction (RFC 3261 §17.2.3),
    /// answered where the first one came from.
    /// </summary>
    private static byte[] Probe(string transport, int port) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:{port};branch=z9hG4bK-probe-{Guid.NewGuid():N};rport\r\n" +
        "Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:sb@127.0.0.1>\r\nCall-ID: probe\r\n" +
        "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    /// <summary>
    /// The message with its top Via's sent-by (the host and port after the transport) replaced by ours, every other
    /// byte kept, so the answer comes back over UDP (RFC 3261 §18.2.2). Responses are sent as they are.
    /// </summary>
    private static byte[] WithTopViaAt(byte[] message, string sentBy)
    {
        var text = Encoding.Latin1.GetString(message);
        if (text.StartsWith("SIP/", StringComparison.Ordinal))
        {
            return message;
        }

        var via = TopViaSentBy().Match(text);
        Assert.True(via.Success, "the request has a Via");
        var host = via.Groups["host"];
        return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, host.Index), sentBy, text.AsSpan(host.Index + host.Length)));
    }

    private static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(TortureDirectory(), name + ".dat"));

    private static string TortureDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "tests", "Switchboard.Sip.Tests", "Torture");
    }

    [GeneratedRegex(@"SIP/2\.0 (\d{3}) [^\r\n]*\r\n")]
    private static partial Regex StatusLine();

    /// <summary>The first Via's sent-protocol, possibly folded (RFC 4475 §3.1.1.1), then its host[:port].</summary>
    [GeneratedRegex(@"^(?:via|v)[ \t]*:[ \t]*SIP[ \t\r\n]*/[ \t\r\n]*\d\.\d[ \t\r\n]*/[ \t\r\n]*\w+[ \t\r\n]+(?<host>[^;,\s]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TopViaSentBy();

    /// <summary>One server for every row: each row is its own transaction and call, so rows do not meet.</summary>
    public sealed class ServerFixture : IAsyncLifetime
    {
        internal TestServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await TestServer.StartAsync(defaultCarrier: null);

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }
}
