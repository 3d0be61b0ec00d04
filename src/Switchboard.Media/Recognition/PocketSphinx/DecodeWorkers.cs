using System.Collections.Concurrent;

namespace Switchboard.Media.Recognition.PocketSphinx;

/// <summary>
/// Dedicated threads that run decoding, at a lower scheduling priority than the rest of the process. Decoding is
/// CPU work in bursts of tens to hundreds of milliseconds; on a small machine several bursts at once would take
/// every core from the media clock thread, whose packets must leave every 20 ms. Lowered (nice +10 on Linux),
/// the decoders use what CPU the clock leaves and only wait a little longer when the machine is full.
/// </summary>
internal sealed class DecodeWorkers : IDisposable
{
    private const int Nice = 10;

    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;

    public DecodeWorkers(int count)
    {
        _threads = new Thread[count];
        for (var i = 0; i < count; i++)
        {
            _threads[i] = new Thread(Run) { IsBackground = true, Name = $"pocketsphinx {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a worker thread; the task completes with its result or exception.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    public void Dispose() => _work.CompleteAdding();

    private void Run()
    {
        ThreadPriorityLinux.Lower(Nice);
        foreach (var work in _work.GetConsumingEnumerable())
        {
            work();
        }
    }
}
