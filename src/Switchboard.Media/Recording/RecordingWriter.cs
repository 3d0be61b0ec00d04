using Microsoft.Extensions.Logging;

namespace Switchboard.Media.Recording;

/// <summary>
/// The one background thread that writes every recording of an engine to disk: it wakes every
/// <see cref="Period"/> (or at once when a recording ends), flushes the recordings whose interval is due and
/// finishes the ones that are stopping. File I/O blocks only this thread, never the media clock or a
/// receive loop. The thread starts with the first recording.
/// </summary>
internal sealed class RecordingWriter : IDisposable
{
    /// <summary>How often the writer looks at its recordings: the latency of an ending's result.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<MediaRecorder> _recorders = [];
    private readonly SemaphoreSlim _wake = new(0);
    private Thread? _thread;
    private volatile bool _stopping;

    public RecordingWriter(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _recorders.Count;
            }
        }
    }

    public void Add(MediaRecorder recorder)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _recorders.Add(recorder);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Switchboard recording writer" };
                _thread.Start();
            }
        }
    }

    /// <summary>Asks for a pass now (a recording is stopping); cheap enough for the clock thread.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Stops the thread, then finishes every recording still open (their result says the engine stopped).</summary>
    public void Dispose()
    {
        Thread? thread;
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
            thread = _thread;
        }

        _wake.Release();
        thread?.Join();
        Pass(force: true);
        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            _wake.Wait(Period);
            if (!_stopping)
            {
                Pass(force: false);
            }
        }
    }

    private void Pass(bool force)
    {
        MediaRecorder[] recorders;
        lock (_gate)
        {
            recorders = [.. _recorders];
        }

        var now = _time.GetTimestamp();
        foreach (var recorder in recorders)
        {
            bool done;
            try
            {
                done = recorder.Service(now, _time, force);
            }
            catch (Exception exception)
            {
                // One broken recording must not stop the others being written.
                Log.WriteFailed(_logger, recorder.Path, exception);
                recorder.RequestEnd(RecordingEndReason.Failed, null);
                done = false;
            }

            if (done)
            {
                lock (_gate)
                {
                    _recorders.Remove(recorder);
                }

                recorder.Publish();
            }
        }
    }
}
