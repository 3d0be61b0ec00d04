using System.Security.Cryptography;

namespace Switchboard.Media.Sessions;

/// <summary>
/// The even RTP ports of a range (RFC 3550 §11: RTP on an even port, RTCP on the next odd one). Each port is drawn at
/// random (a cryptographic draw), so the next call's port cannot be guessed from the last one's and an off-path
/// sender cannot aim packets at a call about to start. A port just released cools down first: the most recently
/// returned half of the free ports is drawn from only when nothing else is free, so late packets of an old call go
/// nowhere.
/// </summary>
public sealed class PortPool
{
    private readonly Lock _gate = new();
    private readonly List<int> _ready = [];
    private readonly Queue<int> _cooling = new();

    public PortPool(int min, int max)
    {
        for (var port = (min + 1) & ~1; port + 1 <= max; port += 2)
        {
            _ready.Add(port);
        }

        Capacity = _ready.Count;
    }

    /// <summary>How many RTP ports the range holds.</summary>
    public int Capacity { get; }

    public int Available
    {
        get
        {
            lock (_gate)
            {
                return _ready.Count + _cooling.Count;
            }
        }
    }

    public bool TryRent(out int port)
    {
        lock (_gate)
        {
            // Keep only the most recently returned half of the free ports cooling.
            while (_cooling.Count > 0 && (_ready.Count == 0 || _cooling.Count > (_ready.Count + _cooling.Count) / 2))
            {
                _ready.Add(_cooling.Dequeue());
            }

            if (_ready.Count == 0)
            {
                port = 0;
                return false;
            }

            var index = RandomNumberGenerator.GetInt32(_ready.Count);
            port = _ready[index];
            _ready[index] = _ready[^1];
            _ready.RemoveAt(_ready.Count - 1);
            return true;
        }
    }

    public void Return(int port)
    {
        lock (_gate)
        {
            _cooling.Enqueue(port);
        }
    }
}
