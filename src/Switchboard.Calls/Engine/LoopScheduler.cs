using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Brings timers and slow work back to a call's loop: a timer posts its message, background work posts its
/// outcome (or a failure message), and nothing ever touches call state off the loop. One timer at a time.
/// </summary>
internal sealed class LoopScheduler(ChannelWriter<CallMessage> inbox, TimeProvider timeProvider) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;

    /// <summary>Posts <paramref name="message"/> after <paramref name="due"/>, replacing any armed timer.</summary>
    public void Arm(TimeSpan due, CallMessage message)
    {
        Disarm();
        _timer = timeProvider.CreateTimer(
            static state =>
            {
                var (writer, message) = ((ChannelWriter<CallMessage>, CallMessage))state!;
                writer.TryWrite(message);
            },
            (inbox, message),
            due,
            Timeout.InfiniteTimeSpan);
    }

    public void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Runs slow work off the loop; its outcome, or <paramref name="onError"/>'s message, comes back.</summary>
    public void Run(Func<CancellationToken, Task<CallMessage>> work, Func<string, CallMessage> onError)
    {
        var token = _stopping.Token;
        _ = Task.Run(
            async () =>
            {
                CallMessage outcome;
                try
                {
                    outcome = await work(token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    outcome = onError(exception.Message);
                }

                inbox.TryWrite(outcome);
            },
            CancellationToken.None);
    }

    public void Dispose()
    {
        Disarm();
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
