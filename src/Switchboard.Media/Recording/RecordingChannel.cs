using Switchboard.Media.Clock;
using Switchboard.Media.Sessions;

namespace Switchboard.Media.Recording;

/// <summary>
/// One channel of a recording: a tap on one direction of a session feeding a playout buffer, from which the
/// recorder takes one 20 ms frame per clock tick. Audio arrives when the network brings it; the buffer puts
/// it on the clock's timeline, so channels stay aligned and a lost packet becomes silence, not a shift.
/// </summary>
internal sealed class RecordingChannel : IAudioTap
{
    public const int FrameSamples = 160;

    /// <summary>Half a second at 8 kHz: far more than any playout depth.</summary>
    private const int BufferSamples = 4096;

    public RecordingChannel(RecordingSource source)
    {
        Source = source;
        Buffer = new PlayoutBuffer<short>(FrameSamples, BufferSamples);
    }

    public RecordingSource Source { get; }

    public PlayoutBuffer<short> Buffer { get; }

    /// <summary>This tick's frame; touched only by the clock thread.</summary>
    public short[] Frame { get; } = new short[FrameSamples];

    public void OnAudio(AudioDirection direction, ReadOnlySpan<short> samples)
    {
        if (direction == Source.Direction)
        {
            Buffer.Write(samples);
        }
    }

    /// <summary>Clock thread: takes this tick's frame, or silence when nothing is buffered.</summary>
    public void TakeFrame()
    {
        if (!Buffer.TryRead(Frame))
        {
            Array.Clear(Frame);
        }
    }
}
