using System.Collections.Concurrent;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Support;

/// <summary>Keeps a copy of every frame a session hands it, per direction.</summary>
internal sealed class CollectingTap : IAudioTap
{
    public ConcurrentQueue<short[]> Received { get; } = new();

    public ConcurrentQueue<short[]> Sent { get; } = new();

    public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples) =>
        (direction == AudioDirection.Received ? Received : Sent).Enqueue(samples.ToArray());
}
