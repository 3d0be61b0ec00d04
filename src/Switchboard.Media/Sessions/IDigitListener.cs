using Switchboard.Media.Dtmf;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Hears the keys a session receives, besides its observer (a recording's termination key, a bridge passing
/// keys on). Called on the receive loop: hand over and return.
/// </summary>
internal interface IDigitListener
{
    /// <param name="viaEvents">True for an RFC 4733 event, false for a tone found in the audio.</param>
    void OnDigit(DtmfDigit digit, bool viaEvents);
}
