using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Receives what a media session hears. Called from media threads: implementations must only hand the
/// event over (e.g. write it to the call's channel) and return at once.
/// </summary>
public interface IMediaSessionObserver
{
    void OnDigit(DtmfDigit digit);

    /// <summary>
    /// No RTP has arrived for <see cref="MediaEngineOptions.MediaTimeout"/> since the media was negotiated
    /// or the last packet; reported once per silence. The default ignores it.
    /// </summary>
    void OnMediaTimeout()
    {
    }
}
