using Switchboard.Media.Recording;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Bridging;

/// <summary>
/// Connects two sessions so each hears the other: what one leg's peer sends goes out on the other leg's
/// stream, forwarded byte for byte the moment it arrives when both negotiated the same G.711 law, and converted
/// between µ-law and A-law and paced by the media clock through a small playout buffer otherwise. Each outgoing
/// stream stays ours (SSRC, sequence, timestamps). While bridged, both players are silenced: playing
/// clips are stopped, and clips queued meanwhile wait for <see cref="Disconnect"/>. Keys sent on either
/// leg still go out (they take precedence over the bridged audio).
/// </summary>
public sealed class MediaBridge : IDisposable
{
    private readonly BridgeDirection _firstToSecond;
    private readonly BridgeDirection _secondToFirst;
    private int _disconnected;

    private MediaBridge(MediaSession first, MediaSession second, BridgeOptions options)
    {
        First = first;
        Second = second;
        _firstToSecond = new BridgeDirection(second, options.PassDigits);
        _secondToFirst = new BridgeDirection(first, options.PassDigits);
    }

    public MediaSession First { get; }

    public MediaSession Second { get; }

    public bool IsConnected => _disconnected == 0;

    /// <summary>True while both legs use the same codec, so payloads pass without conversion.</summary>
    public bool IsRelaying => First.Media?.Codec == Second.Media?.Codec;

    /// <summary>Frames passed on byte for byte, both ways.</summary>
    public long RelayedFrames => _firstToSecond.RelayedFrames + _secondToFirst.RelayedFrames;

    /// <summary>Of <see cref="RelayedFrames"/>, those forwarded the moment they arrived, both ways.</summary>
    public long ForwardedFrames => _firstToSecond.ForwardedFrames + _secondToFirst.ForwardedFrames;

    /// <summary>Frames converted between µ-law and A-law, both ways.</summary>
    public long TranscodedFrames => _firstToSecond.TranscodedFrames + _secondToFirst.TranscodedFrames;

    /// <summary>
    /// Bridges <paramref name="first"/> and <paramref name="second"/>. Throws when either is closed or already
    /// bridged, or when they are the same session.
    /// </summary>
    public static MediaBridge Connect(MediaSession first, MediaSession second, BridgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first == second)
        {
            throw new ArgumentException("A session cannot be bridged to itself.", nameof(second));
        }

        ObjectDisposedException.ThrowIf(first.IsClosed, first);
        ObjectDisposedException.ThrowIf(second.IsClosed, second);
        var bridge = new MediaBridge(first, second, options ?? BridgeOptions.Default);
        if (!first.TryJoinBridge(bridge))
        {
            throw new InvalidOperationException($"The session on port {first.LocalPort} is already bridged.");
        }

        if (!second.TryJoinBridge(bridge))
        {
            first.LeaveBridge(bridge);
            throw new InvalidOperationException($"The session on port {second.LocalPort} is already bridged.");
        }

        first.StopPlayback();
        second.StopPlayback();
        first.Route(bridge._firstToSecond, bridge._secondToFirst);
        second.Route(bridge._secondToFirst, bridge._firstToSecond);
        return bridge;
    }

    /// <summary>
    /// Records the bridged call as stereo, one channel per leg: the left channel is what the first leg's peer
    /// says, the right what the second's says. See <see cref="MediaSession.StartRecording"/>.
    /// </summary>
    public MediaRecorder StartRecording(RecordingOptions options) =>
        First.StartRecording(options, [new(First, AudioDirection.Received), new(Second, AudioDirection.Received)]);

    /// <summary>Unbridges: each session goes back to its own player (queued clips start). Idempotent.</summary>
    public void Disconnect()
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0)
        {
            return;
        }

        First.Unroute(_firstToSecond, _secondToFirst);
        Second.Unroute(_secondToFirst, _firstToSecond);
        First.LeaveBridge(this);
        Second.LeaveBridge(this);
    }

    public void Dispose() => Disconnect();
}
