using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Sip.Tests.Support;
using Switchboard.Sip.Transactions;

namespace Switchboard.Sip.Tests.Transactions;

sealed class TransactionTestContext
{
    public TransactionTestContext()
    {
        Transport = new RecordingTransport(Clock);
        Layer = new SipTransactionLayer(Transport, Clock, SipTimerSettings.Default, NullLogger<SipTransactionLayer>.Instance);
    }

    public ManualTimeProvider Clock { get; } = new();

    public RecordingTransport Transport { get; }

    public SipTransactionLayer Layer { get; }

    public RecordingUser User { get; } = new();

    public IPEndPoint Peer { get; } = new(IPAddress.Loopback, 5070);

    public double[] SendTimes(string method) =>
        Transport.Sent.Where(s => s.Message is Switchboard.Sip.Messages.SipRequest r && r.Method.Name == method)
            .Select(s => s.At.TotalSeconds).ToArray();
}
