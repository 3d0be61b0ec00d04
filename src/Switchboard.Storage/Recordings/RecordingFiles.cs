using System.Buffers;

namespace Switchboard.Storage.Recordings;

/// <summary>
/// Where recordings' audio lives: <c>&lt;directory&gt;/&lt;sid&gt;.wav</c>. A sid is used as a file name only when
/// it is one this server could have made (letters, digits and dashes), so no request can name another path.
/// </summary>
public sealed class RecordingFiles
{
    private static readonly SearchValues<char> PlainCharacters =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-");

    public RecordingFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>The WAV file of <paramref name="recordingSid"/> (which need not exist).</summary>
    /// <exception cref="ArgumentException">The sid is not a plain name.</exception>
    public string PathOf(string recordingSid)
    {
        if (!IsPlainName(recordingSid))
        {
            throw new ArgumentException("A recording sid holds only letters, digits and dashes.", nameof(recordingSid));
        }

        return Path.Combine(Directory, recordingSid + ".wav");
    }

    /// <summary>Removes the file if it exists; true when there was one.</summary>
    public bool Delete(string recordingSid)
    {
        var path = PathOf(recordingSid);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    private static bool IsPlainName(string sid) =>
        sid.Length is > 0 and <= 64 && sid.AsSpan().IndexOfAnyExcept(PlainCharacters) < 0;
}
