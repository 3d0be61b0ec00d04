namespace Switchboard.Media.Sdp;

/// <summary>A parsed session description (RFC 4566): the parts a voice call needs.</summary>
public sealed class SessionDescription
{
    public SessionDescription(
        string? origin, string? connectionAddress, IReadOnlyList<SdpAttribute> attributes,
        IReadOnlyList<MediaDescription> media)
    {
        Origin = origin;
        ConnectionAddress = connectionAddress;
        Attributes = attributes;
        Media = media;
    }

    /// <summary>The raw <c>o=</c> value.</summary>
    public string? Origin { get; }

    /// <summary>The session-level <c>c=</c> address, or null.</summary>
    public string? ConnectionAddress { get; }

    public IReadOnlyList<SdpAttribute> Attributes { get; }

    public IReadOnlyList<MediaDescription> Media { get; }

    /// <summary>The session-level direction attribute, or null.</summary>
    public MediaDirection? FindDirection() => DirectionIn(Attributes);

    internal static MediaDirection? DirectionIn(IReadOnlyList<SdpAttribute> attributes)
    {
        MediaDirection? direction = null;
        foreach (var attribute in attributes)
        {
            direction = attribute.Name switch
            {
                "sendrecv" => MediaDirection.SendReceive,
                "sendonly" => MediaDirection.SendOnly,
                "recvonly" => MediaDirection.ReceiveOnly,
                "inactive" => MediaDirection.Inactive,
                _ => direction,
            };
        }

        return direction;
    }
}
