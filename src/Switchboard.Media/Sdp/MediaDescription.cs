namespace Switchboard.Media.Sdp;

/// <summary>One <c>m=</c> section (RFC 4566 §5.14) with its own <c>c=</c> and <c>a=</c> lines.</summary>
public sealed class MediaDescription
{
    public MediaDescription(
        string media, int port, string protocol, IReadOnlyList<string> formats, string? connectionAddress,
        IReadOnlyList<SdpAttribute> attributes)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
        Formats = formats;
        ConnectionAddress = connectionAddress;
        Attributes = attributes;
    }

    /// <summary><c>audio</c>, <c>video</c>, ...</summary>
    public string Media { get; }

    public int Port { get; }

    /// <summary><c>RTP/AVP</c>, <c>RTP/SAVP</c>, ...</summary>
    public string Protocol { get; }

    /// <summary>The format list in the order the peer prefers (RFC 3264 §5.1); for RTP, payload type numbers.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>The media-level <c>c=</c> address, overriding the session-level one, or null.</summary>
    public string? ConnectionAddress { get; }

    public IReadOnlyList<SdpAttribute> Attributes { get; }

    /// <summary>The encoding name and clock rate of <c>a=rtpmap:&lt;pt&gt; name/rate</c>, if present.</summary>
    public (string Name, int ClockRate)? FindRtpMap(int payloadType)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name != "rtpmap" || attribute.Value is null)
            {
                continue;
            }

            var value = attribute.Value.AsSpan();
            var space = value.IndexOf(' ');
            if (space <= 0 || !int.TryParse(value[..space], out var pt) || pt != payloadType)
            {
                continue;
            }

            var encoding = value[(space + 1)..].Trim();
            var slash = encoding.IndexOf('/');
            var name = slash < 0 ? encoding : encoding[..slash];
            var rate = 0;
            if (slash >= 0)
            {
                var rest = encoding[(slash + 1)..];
                var next = rest.IndexOf('/');
                _ = int.TryParse(next < 0 ? rest : rest[..next], out rate);
            }

            return (name.ToString(), rate);
        }

        return null;
    }

    /// <summary>The last direction attribute at media level, or null when there is none.</summary>
    public MediaDirection? FindDirection() => SessionDescription.DirectionIn(Attributes);
}
