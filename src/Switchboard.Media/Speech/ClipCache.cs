using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Media.Audio;

namespace Switchboard.Media.Speech;

/// <summary>
/// Prompts by key: a bounded in-memory map (oldest entry evicted first) over files named by the key's
/// SHA-256 under a directory, holding raw little-endian 16-bit 8 kHz PCM.
/// </summary>
internal sealed class ClipCache
{
    private readonly string _directory;
    private readonly int _capacity;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, AudioClip> _memory = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public ClipCache(string directory, int capacity, ILogger logger)
    {
        _directory = directory;
        _capacity = Math.Max(1, capacity);
        _logger = logger;
    }

    public bool TryGet(string key, out AudioClip clip)
    {
        if (_memory.TryGetValue(key, out clip!))
        {
            return true;
        }

        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            var bytes = File.ReadAllBytes(path);
            clip = new AudioClip(MemoryMarshal.Cast<byte, short>(bytes).ToArray());
        }
        catch (IOException exception)
        {
            Log.CacheFileFailed(_logger, path, exception);
            return false;
        }

        Remember(key, clip);
        return true;
    }

    public async Task StoreAsync(string key, AudioClip clip, CancellationToken cancellationToken)
    {
        Remember(key, clip);
        var path = PathOf(key);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(_directory);
            var bytes = MemoryMarshal.AsBytes(clip.Samples.Span).ToArray();
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);

            // Rename is atomic, so a reader never sees half a prompt.
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.CacheFileFailed(_logger, path, exception);
            File.Delete(temporary);
        }
    }

    private void Remember(string key, AudioClip clip)
    {
        if (!_memory.TryAdd(key, clip))
        {
            return;
        }

        _order.Enqueue(key);
        while (_memory.Count > _capacity && _order.TryDequeue(out var oldest))
        {
            _memory.TryRemove(oldest, out _);
        }
    }

    private string PathOf(string key) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".pcm");
}
