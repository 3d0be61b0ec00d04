using System.Net;
using Switchboard.Media.Sdp;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>Where an SDP rewritten by rtpengine tells its receiver to send audio: the c= address and m=audio port.</summary>
internal static class RelayAddress
{
    public static IPEndPoint From(string? sdp)
    {
        if (sdp is null)
        {
            throw new InvalidOperationException("rtpengine's reply has no SDP");
        }

        if (!SdpParser.TryParse(sdp, out var description, out var error))
        {
            throw new InvalidOperationException($"rtpengine's SDP does not parse: {error}");
        }

        var audio = description!.Media.FirstOrDefault(m => m.Media == "audio")
            ?? throw new InvalidOperationException("rtpengine's SDP has no m=audio line");

        // RFC 4566 §5.7: a media-level c= overrides the session-level one.
        var address = audio.ConnectionAddress ?? description.ConnectionAddress
            ?? throw new InvalidOperationException("rtpengine's SDP has no c= line");
        return new IPEndPoint(IPAddress.Parse(address), audio.Port);
    }
}
