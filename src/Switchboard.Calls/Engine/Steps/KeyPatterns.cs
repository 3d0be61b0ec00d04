namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// Watches one party's keys for any of a dial's <c>dtmfCapture</c> patterns (as jambonz's collector does): keys more
/// than <see cref="InterDigitTimeout"/> apart start afresh, and a pattern matches when the keys so far end with it.
/// After a match the keys start afresh, so one press never reports twice.
/// </summary>
internal sealed class KeyPatterns(IReadOnlyList<string> patterns, TimeProvider time)
{
    public static readonly TimeSpan InterDigitTimeout = TimeSpan.FromSeconds(3);

    private readonly System.Text.StringBuilder _keys = new();
    private long _lastKeyAt;

    /// <summary>Takes <paramref name="key"/>; returns the pattern it completes, or null.</summary>
    public string? Press(char key)
    {
        var now = time.GetTimestamp();
        if (_keys.Length > 0 && time.GetElapsedTime(_lastKeyAt, now) >= InterDigitTimeout)
        {
            _keys.Clear();
        }

        _lastKeyAt = now;
        _keys.Append(key);
        var keys = _keys.ToString();
        var match = patterns.FirstOrDefault(pattern => keys.EndsWith(pattern, StringComparison.Ordinal));
        if (match is not null)
        {
            _keys.Clear();
        }

        return match;
    }
}
