using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Switchboard.Media.Codecs;

namespace Switchboard.Media.Sdp;

/// <summary>
/// RFC 3264 offer/answer for one G.711 audio stream with RFC 4733 telephone events: builds our offer or
/// answer and reads the peer's description.
/// </summary>
public static class SdpNegotiator
{
    /// <summary>The dynamic payload type we offer for telephone-event.</summary>
    public const int OfferedTelephoneEventPayloadType = 101;

    /// <summary>Packetization time in milliseconds (RFC 3551 §4.5: 20 ms is the G.711 default).</summary>
    public const int PacketTimeMilliseconds = 20;

    /// <summary>Our offer: PCMU, PCMA and telephone-event 0-16, in that order of preference.</summary>
    public static string BuildOffer(string address, int port, ulong sessionId, ulong sessionVersion)
    {
        var builder = StartDescription(address, sessionId, sessionVersion);
        builder.Append(CultureInfo.InvariantCulture, $"m=audio {port} RTP/AVP 0 8 {OfferedTelephoneEventPayloadType}\r\n")
            .Append("a=rtpmap:0 PCMU/8000\r\n")
            .Append("a=rtpmap:8 PCMA/8000\r\n");
        AppendTelephoneEvent(builder, OfferedTelephoneEventPayloadType);
        return builder.Append(CultureInfo.InvariantCulture, $"a=ptime:{PacketTimeMilliseconds}\r\n")
            .Append("a=sendrecv\r\n")
            .ToString();
    }

    /// <summary>
    /// Our answer to an offer we accepted with <see cref="Negotiate"/>: the chosen codec and the peer's own
    /// telephone-event number, and the direction that mirrors theirs (RFC 3264 §6.1).
    /// </summary>
    public static string BuildAnswer(string address, int port, ulong sessionId, ulong sessionVersion, NegotiatedMedia media)
    {
        var builder = StartDescription(address, sessionId, sessionVersion);
        var te = media.TelephoneEventPayloadType;
        builder.Append(CultureInfo.InvariantCulture, $"m=audio {port} RTP/AVP {media.PayloadType}")
            .Append(te is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" {te}"))
            .Append("\r\n")
            .Append(CultureInfo.InvariantCulture, $"a=rtpmap:{media.PayloadType} {media.Codec.Name}/8000\r\n");
        if (te is { } telephoneEvent)
        {
            AppendTelephoneEvent(builder, telephoneEvent);
        }

        var direction = media.RemoteDirection switch
        {
            MediaDirection.SendOnly => "recvonly",
            MediaDirection.ReceiveOnly => "sendonly",
            MediaDirection.Inactive => "inactive",
            _ => "sendrecv",
        };
        return builder.Append(CultureInfo.InvariantCulture, $"a=ptime:{PacketTimeMilliseconds}\r\n")
            .Append(CultureInfo.InvariantCulture, $"a={direction}\r\n")
            .ToString();
    }

    /// <summary>Reads a peer's offer or answer: the first audio stream, its first codec we support, and where to send.</summary>
    public static SdpAnswerResult Negotiate(string sdp)
    {
        if (!SdpParser.TryParse(sdp, out var description, out var error))
        {
            return SdpAnswerResult.Fail(SdpFailure.Malformed, error!);
        }

        var audio = description!.Media.FirstOrDefault(
            m => m.Media == "audio" && m.Protocol.StartsWith("RTP/AVP", StringComparison.OrdinalIgnoreCase));
        if (audio is null)
        {
            return SdpAnswerResult.Fail(SdpFailure.NoAudio, "no RTP/AVP audio stream in the description");
        }

        if (audio.Port == 0)
        {
            return SdpAnswerResult.Fail(SdpFailure.AudioRejected, "the audio stream was rejected (port 0)");
        }

        G711Codec? codec = null;
        var codecPayloadType = -1;
        int? telephoneEvent = null;
        foreach (var format in audio.Formats)
        {
            if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) || pt > 127)
            {
                continue;
            }

            var map = audio.FindRtpMap(pt);
            if (map is { } m && m.Name.Equals("telephone-event", StringComparison.OrdinalIgnoreCase))
            {
                if (m.ClockRate == G711Codec.ClockRate)
                {
                    telephoneEvent ??= pt;
                }

                continue;
            }

            // RFC 3264 §6.1: the answerer's m= line lists formats in its order of preference.
            var candidate = map is { } named
                ? (named.ClockRate == G711Codec.ClockRate ? G711Codec.FromName(named.Name) : null)
                : G711Codec.FromStaticPayloadType(pt);
            if (codec is null && candidate is not null)
            {
                codec = candidate;
                codecPayloadType = pt;
            }
        }

        if (codec is null)
        {
            return SdpAnswerResult.Fail(
                SdpFailure.NoCommonCodec, $"no supported codec among payload types {string.Join(' ', audio.Formats)}");
        }

        var address = audio.ConnectionAddress ?? description.ConnectionAddress;
        if (address is null || !IPAddress.TryParse(address, out var ip))
        {
            return SdpAnswerResult.Fail(
                SdpFailure.NoConnectionAddress, $"no usable connection address ({address ?? "none"})");
        }

        var direction = audio.FindDirection() ?? description.FindDirection() ?? MediaDirection.SendReceive;
        return SdpAnswerResult.Success(
            new NegotiatedMedia(codec, codecPayloadType, new IPEndPoint(ip, audio.Port), telephoneEvent, direction));
    }

    private static StringBuilder StartDescription(string address, ulong sessionId, ulong sessionVersion)
    {
        var addressType = IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
            ? "IP6"
            : "IP4";
        return new StringBuilder(256)
            .Append("v=0\r\n")
            .Append(CultureInfo.InvariantCulture, $"o=- {sessionId} {sessionVersion} IN {addressType} {address}\r\n")
            .Append("s=Switchboard\r\n")
            .Append(CultureInfo.InvariantCulture, $"c=IN {addressType} {address}\r\n")
            .Append("t=0 0\r\n");
    }

    private static void AppendTelephoneEvent(StringBuilder builder, int payloadType) =>
        builder.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{payloadType} telephone-event/8000\r\n")
            .Append(CultureInfo.InvariantCulture, $"a=fmtp:{payloadType} 0-16\r\n");
}
