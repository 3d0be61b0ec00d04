namespace Switchboard.Media.Sdp;

/// <summary>
/// A lenient RFC 4566 parser: it keeps the lines a voice call needs (o=, c=, m=, a=) and skips the rest,
/// accepting CRLF or bare LF line ends (RFC 4566 §5 asks receivers to). Never throws on bad input.
/// </summary>
public static class SdpParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says which line was wrong.</summary>
    public static bool TryParse(string text, out SessionDescription? description, out string? error)
    {
        description = null;
        error = null;
        string? origin = null;
        string? sessionConnection = null;
        var sessionAttributes = new List<SdpAttribute>();
        var media = new List<MediaDescription>();
        MediaBuilder? current = null;
        var sawVersion = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line.Length < 2 || line[1] != '=')
            {
                error = $"malformed SDP line '{line}'";
                return false;
            }

            var value = line[2..];
            switch (line[0])
            {
                case 'v':
                    if (value.Trim() != "0")
                    {
                        error = $"unsupported SDP version '{value}'";
                        return false;
                    }

                    sawVersion = true;
                    break;
                case 'o':
                    origin = value;
                    break;
                case 'c':
                    if (!TryParseConnection(value, out var address))
                    {
                        error = $"malformed connection line 'c={value}'";
                        return false;
                    }

                    if (current is null)
                    {
                        sessionConnection = address;
                    }
                    else
                    {
                        current.Connection = address;
                    }

                    break;
                case 'm':
                    if (current is not null)
                    {
                        media.Add(current.Build());
                    }

                    current = MediaBuilder.TryParse(value);
                    if (current is null)
                    {
                        error = $"malformed media line 'm={value}'";
                        return false;
                    }

                    break;
                case 'a':
                    var colon = value.IndexOf(':', StringComparison.Ordinal);
                    var attribute = colon < 0
                        ? new SdpAttribute(value.Trim(), null)
                        : new SdpAttribute(value[..colon].Trim(), value[(colon + 1)..].Trim());
                    (current?.Attributes ?? sessionAttributes).Add(attribute);
                    break;
                default:
                    break;
            }
        }

        if (!sawVersion)
        {
            error = "missing v= line";
            return false;
        }

        if (current is not null)
        {
            media.Add(current.Build());
        }

        description = new SessionDescription(origin, sessionConnection, sessionAttributes, media);
        return true;
    }

    private static bool TryParseConnection(string value, out string? address)
    {
        // RFC 4566 §5.7: c=<nettype> <addrtype> <connection-address>; multicast TTL suffixes are dropped.
        address = null;
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[0] != "IN")
        {
            return false;
        }

        var slash = parts[2].IndexOf('/', StringComparison.Ordinal);
        address = slash < 0 ? parts[2] : parts[2][..slash];
        return true;
    }

    private sealed class MediaBuilder
    {
        private MediaBuilder(string media, int port, string protocol, List<string> formats)
        {
            Media = media;
            Port = port;
            Protocol = protocol;
            Formats = formats;
        }

        public string Media { get; }

        public int Port { get; }

        public string Protocol { get; }

        public List<string> Formats { get; }

        public string? Connection { get; set; }

        public List<SdpAttribute> Attributes { get; } = [];

        public static MediaBuilder? TryParse(string value)
        {
            // RFC 4566 §5.14: m=<media> <port>[/<number of ports>] <proto> <fmt> ...
            var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3)
            {
                return null;
            }

            var portText = parts[1];
            var slash = portText.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0)
            {
                portText = portText[..slash];
            }

            if (!int.TryParse(portText, out var port) || port is < 0 or > 65535)
            {
                return null;
            }

            return new MediaBuilder(parts[0], port, parts[2], [.. parts[3..]]);
        }

        public MediaDescription Build() => new(Media, Port, Protocol, Formats, Connection, Attributes);
    }
}
