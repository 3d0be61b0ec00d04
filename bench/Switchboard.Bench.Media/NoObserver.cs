using Switchboard.Media.Dtmf;
using Switchboard.Media.Sessions;

namespace Switchboard.Bench.Media;

internal sealed class NoObserver : IMediaSessionObserver
{
    public void OnDigit(DtmfDigit digit)
    {
    }
}
