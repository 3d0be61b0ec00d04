namespace Switchboard.Media.Dtmf;

/// <summary>The sixteen DTMF keys and their RFC 4733 §3.2 event codes (0-9, * = 10, # = 11, A-D = 12-15).</summary>
public static class DtmfKeys
{
    /// <summary>The pause character accepted by <see cref="Sessions.MediaSession.SendDigitsAsync(string, CancellationToken)"/>: half a second, no tone.</summary>
    public const char Pause = 'w';

    // ITU-T Q.23 keypad: rows 697/770/852/941 Hz, columns 1209/1336/1477/1633 Hz.
    private static readonly double[] Rows = [697, 770, 852, 941];
    private static readonly double[] Columns = [1209, 1336, 1477, 1633];

    /// <summary>Maps a key (A-D in either case) to its event code; false for anything else.</summary>
    public static bool TryGetEventCode(char key, out byte code)
    {
        code = key switch
        {
            >= '0' and <= '9' => (byte)(key - '0'),
            '*' => 10,
            '#' => 11,
            >= 'A' and <= 'D' => (byte)(key - 'A' + 12),
            >= 'a' and <= 'd' => (byte)(key - 'a' + 12),
            _ => byte.MaxValue,
        };
        return code != byte.MaxValue;
    }

    /// <summary>The row and column frequencies of a key (ITU-T Q.23), for in-band tones.</summary>
    public static (double Low, double High) FrequenciesOf(byte eventCode)
    {
        var (row, column) = eventCode switch
        {
            0 => (3, 1),
            <= 9 => ((eventCode - 1) / 3, (eventCode - 1) % 3),
            10 => (3, 0),
            11 => (3, 2),
            _ => (eventCode - 12, 3),
        };
        return (Rows[row], Columns[column]);
    }
}
