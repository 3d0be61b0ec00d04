using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Tests.UserAgent.Torture;

/// <summary>
/// Every RFC 4475 message (Torture/*.dat), sent as it is written to a listening user agent over UDP and over TCP on
/// loopback, gets the answer <see cref="TortureTable"/> gives for it, and nothing else: an OPTIONS sent after it is
/// answered next, so the server neither answered twice nor stopped.
/// </summary>
public partial class TortureTableTests
{
    public static TheoryData<string> Names => [.. TortureTable.Rows.Keys];

    [Fact]
    public void TheTable_CoversEveryMessageOfTheRfc()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Torture"), "*.dat").Select(Path.GetFileNameWithoutExtension);

        Assert.Equal(49, TortureTable.Rows.Count);
        Assert.Equal(files.Order(), TortureTable.Rows.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OverUdp_GetsItsAnswer(string name)
    {
        var row = TortureTable.Rows[name];
        await using var server = await TortureServer.StartAsync();
        using var peer = new UdpPeer();
        var message = Load(name);
        if (row.SentBy is { } sentBy)
        {
            message = ReplaceTopViaSentBy(message, sentBy, $"127.0.0.1:{peer.Port}");
        }

        peer.Send(message, server.EndPoint);
        var answers = new List<SipResponse>();
        foreach (var _ in row.Udp.Statuses)
        {
            answers.Add(Assert.IsType<SipResponse>(await peer.ReceiveAsync(strict: false)));
        }

        AssertAnswers(row, row.Udp, answers);
        peer.Send(Probe(peer.Port, "UDP", "udp"), server.EndPoint);
        await AssertProbeAnsweredNextAsync(() => peer.ReceiveAsync(strict: false), "probe-udp", answers);
        await AssertRoutingAsync(server, row.Udp, answers);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task OverTcp_GetsItsAnswer(string name)
    {
        var row = TortureTable.Rows[name];
        await using var server = await TortureServer.StartAsync();
        using var peer = await TcpPeer.ConnectAsync(server.EndPoint);
        await peer.SendAsync(Load(name));
        var answers = new List<SipResponse>();
        foreach (var _ in row.Tcp.Statuses)
        {
            answers.Add(Assert.IsType<SipResponse>(await peer.ReceiveAsync(strict: false)));
        }

        AssertAnswers(row, row.Tcp, answers);
        if (row.Tcp.Closes)
        {
            await Assert.ThrowsAsync<IOException>(() => peer.ReceiveAsync(strict: false));
        }
        else if (row.Tcp.Waits)
        {
            Assert.True(await peer.NothingWithinAsync(0.5), "nothing is answered while the body is awaited");
        }
        else
        {
            await peer.SendAsync(Probe(peer.LocalEndPoint.Port, "TCP", "tcp"));
            await AssertProbeAnsweredNextAsync(() => peer.ReceiveAsync(strict: false), "probe-tcp", answers);
        }

        // Whatever became of that connection, the server takes the next one.
        using var next = await TcpPeer.ConnectAsync(server.EndPoint);
        await next.SendAsync(Probe(next.LocalEndPoint.Port, "TCP", "next"));
        await AssertProbeAnsweredNextAsync(() => next.ReceiveAsync(), "probe-next", []);
        await AssertRoutingAsync(server, row.Tcp, answers);
    }

    static void AssertAnswers(TortureRow row, TortureAnswer expected, List<SipResponse> answers)
    {
        Assert.Equal(expected.Statuses.Order(), answers.Select(a => a.StatusCode).Order());
        if (answers.Count == 0)
        {
            return;
        }

        var first = answers.First(a => a.StatusCode == expected.Statuses[0]);
        if (expected.Reason is { } reason)
        {
            Assert.Equal(reason, first.ReasonPhrase);
        }

        if (expected.Header is var (header, value))
        {
            Assert.Equal(value, first.GetHeader(header));
        }

        // Every answer is a response to this message: its Via and Call-ID (when it had one) come back.
        var sent = Encoding.Latin1.GetString(Load(row.Name));
        foreach (var answer in answers)
        {
            Assert.True(answer.TryGetHeader(SipHeaderNames.Via, out _));
            if (answer.CallId is { } callId)
            {
                Assert.Contains(callId, sent, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The probe's 200 comes next; only retransmissions of an answer already seen may come before it.</summary>
    static async Task AssertProbeAnsweredNextAsync(Func<Task<SipMessage>> receive, string probeCallId, List<SipResponse> answers)
    {
        while (true)
        {
            var response = Assert.IsType<SipResponse>(await receive());
            if (response.CallId == probeCallId)
            {
                Assert.Equal(200, response.StatusCode);
                return;
            }

            Assert.Contains(answers, a => a.CallId == response.CallId && a.StatusCode == response.StatusCode);
        }
    }

    static async Task AssertRoutingAsync(TortureServer server, TortureAnswer expected, List<SipResponse> answers)
    {
        if (expected.Routed)
        {
            var call = await server.Calls.NextAsync();
            Assert.Contains(answers, a => a.StatusCode == 100 && a.CallId == call.CallId);
        }
        else
        {
            Assert.Equal(0, server.Calls.Count);
        }
    }

    static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Torture", name + ".dat"));

    /// <summary>
    /// Puts the test's address in place of the top Via's sent-by (the row's, checked), keeping every other byte (a
    /// broken Via stays broken); Latin-1 maps bytes to chars one to one, so UTF-8 and binary parts survive.
    /// </summary>
    static byte[] ReplaceTopViaSentBy(byte[] message, string sentBy, string replacement)
    {
        var text = Encoding.Latin1.GetString(message);
        var host = TopViaSentBy().Match(text).Groups["host"];
        Assert.Equal(sentBy, host.Value);
        return Encoding.Latin1.GetBytes(string.Concat(text.AsSpan(0, host.Index), replacement, text.AsSpan(host.Index + host.Length)));
    }

    static byte[] Probe(int port, string transport, string id) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:probe@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{transport} 127.0.0.1:{port};branch=z9hG4bK-probe-{id};rport\r\n" +
        $"Max-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:sb@127.0.0.1>\r\nCall-ID: probe-{id}\r\n" +
        "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    /// <summary>The first Via's sent-protocol, possibly folded (RFC 4475 §3.1.1.1), then its host[:port].</summary>
    [GeneratedRegex(@"^(?:via|v)[ \t]*:[ \t]*SIP[ \t\r\n]*/[ \t\r\n]*\d\.\d[ \t\r\n]*/[ \t\r\n]*\w+[ \t\r\n]+(?<host>[^;,\s]+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex TopViaSentBy();
}
