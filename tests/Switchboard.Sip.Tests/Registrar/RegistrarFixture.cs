using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Registrar;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Registrar;

/// <summary>A started user agent with a registrar on loopback, its users, and a raw UDP phone to register from.</summary>
sealed class RegistrarFixture : IAsyncDisposable
{
    public const string Realm = "switchboard";

    RegistrarFixture(SipUserAgent agent, SipRegistrar registrar, InMemoryDirectory users)
    {
        Agent = agent;
        Registrar = registrar;
        Users = users;
        Phone = new RegisteringPhone(agent.LocalEndPoint);
    }

    public SipUserAgent Agent { get; }

    public SipRegistrar Registrar { get; }

    public SipLocationService Locations => Registrar.Locations;

    public InMemoryDirectory Users { get; }

    public RegisteringPhone Phone { get; }

    public static async Task<RegistrarFixture> StartAsync(TimeProvider? clock = null, SipRegistrarOptions? options = null)
    {
        clock ??= TimeProvider.System;
        var users = new InMemoryDirectory();
        users.Add("alice", "wonderland1");
        users.Add("bob", "builder-22");
        var registrar = new SipRegistrar(options ?? new SipRegistrarOptions(Realm), users, new SipLocationService(clock), clock, NullLogger<SipRegistrar>.Instance);
        var agent = new SipUserAgent(new SipUserAgentOptions(new IPEndPoint(IPAddress.Loopback, 0), null), clock, NullLoggerFactory.Instance)
        {
            Registrar = registrar,
        };
        await agent.StartAsync(CancellationToken.None);
        return new RegistrarFixture(agent, registrar, users);
    }

    public async ValueTask DisposeAsync()
    {
        Phone.Dispose();
        await Agent.DisposeAsync();
    }
}
