using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Engine;

/// <summary>
/// One timer that brings its message back to a loop: arming it again replaces the previous deadline, so a loop
/// never has two of the same kind pending. Runs on the injected <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
internal sealed class LoopTimer(ChannelWriter<CallMessage> inbox, TimeProvider timeProvider) : IDisposable
{
    private ITimer? _timer;

    /// <summary>Posts <paramref name="message"/> after <paramref name="due"/>, replacing any armed deadline.</summary>
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

    public void Dispose() => Disarm();
}
