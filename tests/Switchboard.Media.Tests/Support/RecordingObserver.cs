using System.Threading.Channels;
using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Support;

internal sealed class RecordingObserver : IMediaSessionObserver
{
    private readonly Channel<DtmfDigit> _digits = Channel.CreateUnbounded<DtmfDigit>();

    public void OnDigit(DtmfDigit digit) => _digits.Writer.TryWrite(digit);

    public async Task<DtmfDigit> NextDigitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _digits.Reader.ReadAsync(timeout.Token);
    }

    public bool TryTakeDigit(out DtmfDigit digit) => _digits.Reader.TryRead(out digit);
}
