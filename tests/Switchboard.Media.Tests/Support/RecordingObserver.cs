using System.Threading.Channels;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Support;

internal sealed class RecordingObserver : IMediaSessionObserver
{
    private readonly Channel<DtmfDigit> _digits = Channel.CreateUnbounded<DtmfDigit>();

    private readonly Channel<bool> _timeouts = Channel.CreateUnbounded<bool>();

    public void OnDigit(DtmfDigit digit) => _digits.Writer.TryWrite(digit);

    public void OnMediaTimeout() => _timeouts.Writer.TryWrite(true);

    public async Task NextTimeoutAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _timeouts.Reader.ReadAsync(timeout.Token);
    }

    public int TimeoutsSoFar => _timeouts.Reader.Count;

    public async Task<DtmfDigit> NextDigitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _digits.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTakeDigit(out DtmfDigit digit) => _digits.Reader.TryRead(out digit);
}
