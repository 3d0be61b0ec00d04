using Switchboard.Media.Recording;
using Switchboard.Media.Tests.Support;

namespace Switchboard.Media.Tests.Recording;

public sealed class WavFileWriterTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sb-wav-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ANewFile_IsAValidEmptyWav_BeforeAnyFlush()
    {
        var path = Path.Combine(_directory, "nested", "empty.wav");
        using var writer = new WavFileWriter(path, 2, 8000);

        var file = WavFile.Read(path);

        Assert.Equal(2, file.Channels);
        Assert.Equal(8000, file.SampleRate);
        Assert.Equal(0, file.Frames);
    }

    [Fact]
    public void AFileLeftOpen_ReadsAsEverythingUpToTheLastFlush()
    {
        var path = Path.Combine(_directory, "crash.wav");
        var writer = new WavFileWriter(path, 1, 8000);
        var first = Enumerable.Range(0, 800).Select(i => (short)i).ToArray();
        writer.Write(first);
        writer.Flush(toDisk: false);
        writer.Write(new short[400]);

        // The writer is never disposed, as if the process died here: the file must still read.
        var file = WavFile.Read(path);

        Assert.Equal(first, file.ChannelSamples[0]);
        GC.KeepAlive(writer);
    }

    [Fact]
    public void Disposing_WritesTheFinalSizes_AndInterleavesAsGiven()
    {
        var path = Path.Combine(_directory, "stereo.wav");
        using (var writer = new WavFileWriter(path, 2, 8000))
        {
            writer.Write([1, -1, 2, -2, 3, -3]);
        }

        var file = WavFile.Read(path);

        Assert.Equal([1, 2, 3], file.ChannelSamples[0]);
        Assert.Equal([-1, -2, -3], file.ChannelSamples[1]);
        Assert.Equal(12, file.DeclaredDataBytes);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
