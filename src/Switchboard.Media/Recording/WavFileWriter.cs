using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Switchboard.Media.Recording;

/// <summary>
/// Writes 16-bit PCM WAV (RIFF WAVE, one <c>fmt </c> and one <c>data</c> chunk) so that the file on disk is
/// valid at every moment a crash can catch it: the header starts with empty sizes, and each
/// <see cref="Flush"/> first hands the audio to the OS and only then sets the RIFF and data sizes to cover
/// it. A process killed at any point leaves a file that reads as everything up to the last flush.
/// Not thread-safe: one background writer owns it.
/// </summary>
internal sealed class WavFileWriter : IDisposable
{
    /// <summary>RIFF header (12) + fmt chunk (8 + 16) + data chunk header (8).</summary>
    public const int HeaderLength = 44;

    private const int RiffSizeOffset = 4;
    private const int DataSizeOffset = 40;

    private readonly FileStream _stream;
    private readonly byte[] _bigEndianScratch;
    private long _dataBytes;
    private long _flushedBytes;

    public WavFileWriter(string path, int channels, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        Path = path;
        Channels = channels;
        _bigEndianScratch = BitConverter.IsLittleEndian ? [] : new byte[8192];
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 16384);
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, channels, sampleRate);
        _stream.Write(header);
        _stream.Flush();
    }

    public string Path { get; }

    public int Channels { get; }

    /// <summary>Audio bytes written so far (flushed or not).</summary>
    public long DataBytes => _dataBytes;

    /// <summary>Appends interleaved samples (little-endian on disk, as RIFF requires).</summary>
    public void Write(ReadOnlySpan<short> samples)
    {
        if (BitConverter.IsLittleEndian)
        {
            _stream.Write(MemoryMarshal.AsBytes(samples));
        }
        else
        {
            for (var offset = 0; offset < samples.Length; offset += _bigEndianScratch.Length / 2)
            {
                var chunk = samples.Slice(offset, Math.Min(_bigEndianScratch.Length / 2, samples.Length - offset));
                for (var i = 0; i < chunk.Length; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(_bigEndianScratch.AsSpan(i * 2), chunk[i]);
                }

                _stream.Write(_bigEndianScratch, 0, chunk.Length * 2);
            }
        }

        _dataBytes += samples.Length * sizeof(short);
    }

    /// <summary>
    /// Hands the audio to the OS, then patches the sizes to cover it (in that order, so the sizes never claim
    /// bytes that are not there); <paramref name="toDisk"/> also waits for the device (for the final flush).
    /// </summary>
    public void Flush(bool toDisk)
    {
        _stream.Flush();
        if (_dataBytes != _flushedBytes)
        {
            // RIFF: the RIFF size counts everything after its own 8 bytes. Sizes are 32-bit (37 hours of stereo).
            var dataSize = (uint)Math.Min(_dataBytes, uint.MaxValue - 36);
            Span<byte> size = stackalloc byte[4];
            var end = _stream.Position;
            BinaryPrimitives.WriteUInt32LittleEndian(size, dataSize + 36);
            _stream.Position = RiffSizeOffset;
            _stream.Write(size);
            BinaryPrimitives.WriteUInt32LittleEndian(size, dataSize);
            _stream.Position = DataSizeOffset;
            _stream.Write(size);
            _stream.Position = end;
            _stream.Flush();
            _flushedBytes = _dataBytes;
        }

        if (toDisk)
        {
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Flush(toDisk: true);
        }
        finally
        {
            _stream.Dispose();
        }
    }

    private static void WriteHeader(Span<byte> header, int channels, int sampleRate)
    {
        var blockAlign = channels * sizeof(short);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 36);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], 0);
    }
}
