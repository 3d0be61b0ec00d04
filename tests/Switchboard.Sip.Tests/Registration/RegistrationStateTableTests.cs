using Switchboard.Sip.Registration;
using Switchboard.Sip.Tests.Transactions;
using static Switchboard.Sip.Registration.SipRegistrationState;

namespace Switchboard.Sip.Tests.Registration;

public class RegistrationStateTableTests
{
    /// <summary>The registration's life as <see cref="SipRegistrationState"/> documents it (RFC 3261 §10.2).</summary>
    [Fact]
    public void Registration_IsTheDocumentedDiagram()
    {
        List<(SipRegistrationState, string, SipRegistrationState)> diagram =
        [
            (Idle, "started", Registering),
            (Registering, "2xx with a binding", Registered),
            (Registering, "refused, no answer, or no binding kept", Failed),
            (Registered, "half the granted time passed (§10.2.1)", Refreshing),
            (Refreshing, "2xx with a binding", Registered),
            (Refreshing, "refused, no answer, or no binding kept", Failed),
            (Failed, "the backoff passed", Registering),
            (Unregistering, "the registrar answered, or we gave up waiting", Unregistered),
            (Idle, "stopped before it started", Unregistered),
        ];
        foreach (var live in new[] { Registering, Registered, Refreshing, Failed })
        {
            diagram.Add((live, "stopped with a binding maybe in force: Expires 0 (§10.2.2)", Unregistering));
            diagram.Add((live, "stopped with no binding in force", Unregistered));
        }

        TransactionFigureTests.AssertTableIs(diagram, SipRegistrationClient.Transitions.Edges);
    }
}
