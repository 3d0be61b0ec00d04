using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Sip.Auth;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>
/// A phone written by hand on a loopback UDP socket: sends REGISTER as RFC 3261 §10.2 builds it and answers the
/// registrar's challenges with <see cref="DigestClient"/>, so each test controls every header.
/// </summary>
sealed class RegisteringPhone : IDisposable
{
    readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    readonly IPEndPoint _registrar;
    int _branch;

    public RegisteringPhone(IPEndPoint registrar)
    {
        _registrar = registrar;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public string RequestUri => $"sip:127.0.0.1:{_registrar.Port}";

    public string Contact(string user = "alice", int? port = null) => $"<sip:{user}@127.0.0.1:{port ?? Port}>";

    /// <summary>One REGISTER; <paramref name="contacts"/> are Contact header values, each on its own line.</summary>
    public async Task<SipResponse> SendAsync(
        string user,
        string callId,
        uint cseq,
        IEnumerable<string> contacts,
        string? expires = null,
        string? authorization = null,
        string? toUser = null,
        string extra = "")
    {
        var text = new StringBuilder()
            .Append($"REGISTER {RequestUri} SIP/2.0\r\n")
            .Append($"Via: SIP/2.0/UDP 127.0.0.1:{Port};branch=z9hG4bKreg{Interlocked.Increment(ref _branch)}x{callId};rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append($"From: <sip:{user}@127.0.0.1>;tag=ph{cseq}\r\n")
            .Append($"To: <sip:{toUser ?? user}@127.0.0.1>\r\n")
            .Append($"Call-ID: {callId}\r\n")
            .Append($"CSeq: {cseq} REGISTER\r\n");
        foreach (var contact in contacts)
        {
            text.Append($"Contact: {contact}\r\n");
        }

        if (expires is not null)
        {
            text.Append($"Expires: {expires}\r\n");
        }

        if (authorization is not null)
        {
            text.Append($"Authorization: {authorization}\r\n");
        }

        text.Append(extra).Append("Content-Length: 0\r\n\r\n");
        _socket.SendTo(Encoding.UTF8.GetBytes(text.ToString()), _registrar);
        return await ReceiveAsync();
    }

    /// <summary>REGISTER, the 401, and REGISTER again with credentials for the challenge of <paramref name="algorithm"/>.</summary>
    public async Task<SipResponse> RegisterAsync(
        string user,
        string password,
        string callId,
        uint cseq,
        IEnumerable<string> contacts,
        string? expires = null,
        DigestAlgorithm algorithm = DigestAlgorithm.Md5,
        string? toUser = null)
    {
        var contactList = contacts.ToList();
        var challenge = await SendAsync(user, callId, cseq, contactList, expires, toUser: toUser);
        Assert.Equal(401, challenge.StatusCode);
        var authorization = Answer(challenge, user, password, algorithm);
        return await SendAsync(user, callId, cseq + 1, contactList, expires, authorization, toUser);
    }

    /// <summary>The Authorization value answering the response's challenge for <paramref name="algorithm"/>.</summary>
    public string Answer(SipResponse challenge, string user, string password, DigestAlgorithm algorithm = DigestAlgorithm.Md5) =>
        DigestClient.Answer(Challenge(challenge, algorithm), new SipCredentials(user, password), "REGISTER", RequestUri).ToString();

    public static DigestChallenge Challenge(SipResponse response, DigestAlgorithm algorithm) =>
        Challenges(response).Single(c => c.Algorithm == algorithm);

    public static List<DigestChallenge> Challenges(SipResponse response) =>
        [.. response.Headers.Where(h => h.Name == "WWW-Authenticate").Select(h => DigestChallenge.TryParse(h.ValueAsString(), out var c) ? c : throw new InvalidOperationException(h.ToString()))];

    public async Task<SipResponse> ReceiveAsync(double seconds = 5)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var result = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
        var parsed = SipParser.Parse(buffer.AsMemory(0, result.ReceivedBytes).ToArray());
        Assert.True(parsed.IsSuccess, parsed.Error?.Reason);
        return Assert.IsType<SipResponse>(parsed.Message);
    }

    public void Dispose() => _socket.Dispose();
}
