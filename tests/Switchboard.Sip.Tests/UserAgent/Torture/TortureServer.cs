using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.Tests.Registrar;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.UserAgent.Torture;

/// <summary>A user agent on loopback as the server runs it: UDP and TCP on one port, a registrar, an inbound call handler.</summary>
sealed class TortureServer : IAsyncDisposable
{
    TortureServer(SipUserAgent agent, RecordingInboundHandler calls)
    {
        Agent = agent;
        Calls = calls;
    }

    public SipUserAgent Agent { get; }

    public RecordingInboundHandler Calls { get; }

    public IPEndPoint EndPoint => Agent.LocalEndPoint;

    public static async Task<TortureServer> StartAsync()
    {
        var users = new InMemoryDirectory();
        users.Add("alice", "wonderland1");
        var registrar = new SipRegistrar(new SipRegistrarOptions(RegistrarFixture.Realm), users, new SipLocationService(TimeProvider.System), TimeProvider.System, NullLogger<SipRegistrar>.Instance);
        var calls = new RecordingInboundHandler();
        var agent = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), TimeProvider.System, NullLoggerFactory.Instance)
        {
            Registrar = registrar,
            InboundCalls = calls,
        };
        await agent.StartAsync(CancellationToken.None);
        return new TortureServer(agent, calls);
    }

    public ValueTask DisposeAsync() => Agent.DisposeAsync();
}
