using System.Net;
using System.Text;
using Switchboard.Sip.Messages;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.Tests.Support;

/// <summary>Records what the transaction layer sends, with the manual clock's time of each send.</summary>
sealed class RecordingTransport(ManualTimeProvider clock) : ISipTransport
{
    public List<(TimeSpan At, SipMessage Message, IPEndPoint To)> Sent { get; } = [];

    public bool FailSends { get; set; }

    public string Protocol => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndPoint { get; } = new(IPAddress.Loopback, 5060);

    public Task StartAsync(ISipTransportHandler handler, CancellationToken cancellationToken) => Task.CompletedTask;

    public void Send(ReadOnlySpan<byte> message, IPEndPoint destination)
    {
        if (FailSends)
        {
            throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.NetworkUnreachable);
        }

        var parsed = SipParser.Parse(message.ToArray());
        Assert.True(parsed.IsSuccess, parsed.Error?.Reason + ": " + Encoding.UTF8.GetString(message));
        Sent.Add((clock.Elapsed, parsed.Message, destination));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
