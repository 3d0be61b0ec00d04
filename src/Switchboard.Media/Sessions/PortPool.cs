namespace Switchboard.Media.Sessions;

/// <summary>
/// The even RTP ports of a range (RFC 3550 §11: RTP on an even port, RTCP on the next odd one), handed out
/// in rotation so a port just released is the last to be reused (late packets of an old call go nowhere).
/// </summary>
public sealed class PortPool
{
    private readonly Lock _gate = new();
    private readonly Queue<int> _free = new();

    public PortPool(int min, int max)
    {
        for (var port = (min + 1) & ~1; port + 1 <= max; port += 2)
        {
            _free.Enqueue(port);
        }

        Capacity = _free.Count;
    }

    /// <summary>How many RTP ports the range holds.</summary>
    public int Capacity { get; }

    public int Available
    {
        get
        {
            lock (_gate)
            {
                return _free.Count;
            }
        }
    }

    public bool TryRent(out int port)
    {
        lock (_gate)
        {
            return _free.TryDequeue(out port);
        }
    }

    public void Return(int port)
    {
        lock (_gate)
        {
            _free.Enqueue(port);
        }
    }
}
