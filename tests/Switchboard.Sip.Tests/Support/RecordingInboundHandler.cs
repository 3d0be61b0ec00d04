using System.Threading.Channels;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Support;

/// <summary>Collects inbound calls; optionally acts on each at once (as a handler on the receive thread may).</summary>
sealed class RecordingInboundHandler(Action<InboundCall>? onCall = null) : IInboundCallHandler
{
    readonly Channel<InboundCall> _calls = Channel.CreateUnbounded<InboundCall>();

    public int Count { get; private set; }

    public void OnIncomingCall(InboundCall call)
    {
        Count++;
        onCall?.Invoke(call);
        _calls.Writer.TryWrite(call);
    }

    public async Task<InboundCall> NextAsync(double seconds = 5)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _calls.Reader.ReadAsync(cts.Token);
    }
}
