using System.Threading.Channels;
using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Support;

sealed class RecordingObserver : ISipCallObserver
{
    readonly Channel<SipCallEvent> _events = Channel.CreateUnbounded<SipCallEvent>();

    public void OnSipEvent(SipCallEvent sipEvent) => _events.Writer.TryWrite(sipEvent);

    public async Task<SipCallEvent> NextAsync(double seconds = 10)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _events.Reader.ReadAsync(cts.Token);
    }

    public async Task<T> NextOfTypeAsync<T>(double seconds = 10) where T : SipCallEvent
    {
        while (true)
        {
            var next = await NextAsync(seconds);
            if (next is T match)
            {
                return match;
            }

            Assert.IsType<SipCallProgress>(next);
        }
    }

    public bool TryRead(out SipCallEvent? sipEvent) => _events.Reader.TryRead(out sipEvent);
}
