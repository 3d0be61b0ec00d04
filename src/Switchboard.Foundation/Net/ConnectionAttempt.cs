namespace Switchboard.Foundation.Net;

/// <summary>
/// What one try at sending a request did on the wire: which connection carried it, whether that connection had carried
/// a request before, and whether any byte of the answer came back. It travels with the request's async flow
/// (<see cref="Current"/>), which is where <see cref="SocketsHttpHandler"/> writes the request onto its connection.
/// </summary>
internal sealed class ConnectionAttempt
{
    private static readonly AsyncLocal<ConnectionAttempt?> Flowing = new();

    private long _bytesReadBefore;

    /// <summary>The attempt the current request's flow is making, if any.</summary>
    public static ConnectionAttempt? Current
    {
        get => Flowing.Value;
        set => Flowing.Value = value;
    }

    /// <summary>The connection the request was last written to.</summary>
    public TrackedConnectionStream? Connection { get; private set; }

    /// <summary>The connection had carried an earlier answer (it came from the pool).</summary>
    public bool Reused { get; private set; }

    /// <summary>The request was never sent: its connection had already been retired by an earlier answer.</summary>
    public bool RefusedLocally { get; set; }

    /// <summary>Whether any byte arrived on the connection since this request was written to it.</summary>
    public bool ReceivedAnswerBytes => Connection is { } connection && connection.BytesRead > _bytesReadBefore;

    /// <summary>Called as the request is written to <paramref name="connection"/>.</summary>
    public void OnWrite(TrackedConnectionStream connection)
    {
        if (ReferenceEquals(Connection, connection))
        {
            return;
        }

        Connection = connection;
        Reused = connection.Answers > 0;
        _bytesReadBefore = connection.BytesRead;
    }
}
