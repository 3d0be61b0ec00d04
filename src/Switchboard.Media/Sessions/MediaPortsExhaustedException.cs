namespace Switchboard.Media.Sessions;

/// <summary>No RTP port pair in the configured range is free: the node is at capacity for media.</summary>
public sealed class MediaPortsExhaustedException : Exception
{
    public MediaPortsExhaustedException()
        : this("No free RTP port in the configured range.")
    {
    }

    public MediaPortsExhaustedException(string message)
        : base(message)
    {
    }

    public MediaPortsExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
