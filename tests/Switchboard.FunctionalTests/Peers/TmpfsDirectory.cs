using System.Diagnostics;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// A small tmpfs mounted by the test (it runs as root, as <c>./test</c> does), so a test can fill the disk under
/// a live server and free it again, as a full disk does to a real one.
/// </summary>
internal sealed class TmpfsDirectory : IAsyncDisposable
{
    private readonly string _filler;

    private TmpfsDirectory(string path)
    {
        Path = path;
        _filler = System.IO.Path.Combine(path, "filler");
    }

    public string Path { get; }

    public static async Task<TmpfsDirectory> MountAsync(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "switchboard-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path);
        return new TmpfsDirectory(path);
    }

    /// <summary>Writes a file until the disk refuses more: after this, nothing on the disk can grow.</summary>
    public async Task FillAsync()
    {
        var block = new byte[64 * 1024];
        await using var file = new FileStream(_filler, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        try
        {
            while (true)
            {
                await file.WriteAsync(block);
            }
        }
        catch (IOException)
        {
            // ENOSPC: the disk is full.
        }

        // Fill the last partial block too, byte by byte being too slow: halve until even one byte does not fit.
        for (var size = block.Length / 2; size > 0; size /= 2)
        {
            try
            {
                await file.WriteAsync(block.AsMemory(0, size));
            }
            catch (IOException)
            {
            }
        }
    }

    public void Free() => File.Delete(_filler);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static async Task RunAsync(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException(command + " did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} (the functional tests run as root, as ./test does)");
        }
    }
}
