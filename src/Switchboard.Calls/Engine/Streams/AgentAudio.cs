using System.Buffers.Binary;
using Switchboard.Media.Codecs;
using Switchboard.Media.Streams;

namespace Switchboard.Calls.Engine.Streams;

/// <summary>
/// An agent's audio turned into the call's: little-endian L16 at the agent's rate resampled to 8 kHz, or µ-law decoded,
/// a piece at a time into the <see cref="StreamPlayout"/> the media clock reads. A sample split across two binary
/// frames is joined. Receive loop only; after the first use of a rate nothing allocates.
/// </summary>
internal sealed class AgentAudio(StreamPlayout playout)
{
    /// <summary>Samples converted in one piece.</summary>
    private const int PieceSamples = 1920;

    private readonly short[] _pcm = new short[PieceSamples];
    private readonly short[] _resampled = new short[PieceSamples + 2];
    private readonly Dictionary<int, StreamResampler> _resamplers = [];
    private int _pendingByte = -1;

    public StreamPlayout Playout => playout;

    public void PlayLinear16(ReadOnlySpan<byte> audio, int sampleRate)
    {
        if (!_resamplers.TryGetValue(sampleRate, out var resampler))
        {
            resampler = new StreamResampler(sampleRate, G711Codec.ClockRate, PieceSamples);
            _resamplers.Add(sampleRate, resampler);
        }

        if (_pendingByte >= 0 && audio.Length > 0)
        {
            Span<byte> joined = [(byte)_pendingByte, audio[0]];
            _pendingByte = -1;
            _pcm[0] = BinaryPrimitives.ReadInt16LittleEndian(joined);
            Play(resampler, 1);
            audio = audio[1..];
        }

        while (audio.Length >= 2)
        {
            var count = Math.Min(PieceSamples, audio.Length / 2);
            for (var i = 0; i < count; i++)
            {
                _pcm[i] = BinaryPrimitives.ReadInt16LittleEndian(audio[(2 * i)..]);
            }

            Play(resampler, count);
            audio = audio[(2 * count)..];
        }

        if (audio.Length == 1)
        {
            _pendingByte = audio[0];
        }
    }

    public void PlayMuLaw(ReadOnlySpan<byte> audio)
    {
        while (audio.Length > 0)
        {
            var count = Math.Min(PieceSamples, audio.Length);
            G711Codec.Pcmu.Decode(audio[..count], _pcm);
            playout.Write(_pcm.AsSpan(0, count));
            audio = audio[count..];
        }
    }

    private void Play(StreamResampler resampler, int count)
    {
        var written = resampler.Process(_pcm.AsSpan(0, count), _resampled);
        playout.Write(_resampled.AsSpan(0, written));
    }
}
