namespace Switchboard.Calls.Verbs;

/// <summary>The messages a media stream speaks to its agent.</summary>
public enum StreamWireFormat
{
    /// <summary>jambonz <c>listen</c>: a JSON metadata frame, then binary 16-bit linear PCM; JSON commands back.</summary>
    Jambonz,

    /// <summary>Twilio media streams: JSON events (<c>connected</c>, <c>start</c>, <c>media</c>, <c>stop</c>, <c>mark</c>, <c>dtmf</c>) with base64 µ-law at 8 kHz.</summary>
    Twilio,
}
