namespace Switchboard.Media.Dtmf;

/// <summary>
/// In-band DTMF: finds key presses in 8 kHz 16-bit PCM (e.g. decoded G.711 from a peer that does not send
/// RFC 4733 events). Audio is cut into blocks of <see cref="BlockSize"/> samples, each classified by
/// <see cref="DtmfBlockClassifier"/>. A press starts after <see cref="PressBlocks"/> consecutive blocks of
/// the same key at a steady frequency (25.5 ms; any tone of 40 ms holds two whole blocks, the Q.24 minimum to
/// accept) and ends after <see cref="ReleaseBlocks"/> blocks without it, so each press is reported once, on
/// release, with its duration. Allocation-free; not thread-safe (one receive loop feeds it).
/// </summary>
public sealed class DtmfToneDetector
{
    /// <summary>The sample rate the detector expects (G.711's).</summary>
    public const int SampleRate = 8000;

    /// <summary>
    /// 102 samples (12.75 ms): the bin spacing (78 Hz) matches the gap between adjacent Q.23 frequencies,
    /// so each tone lands near the first null of its neighbours' filters (the block size spandsp uses).
    /// </summary>
    public const int BlockSize = 102;

    /// <summary>Consecutive blocks with the same key before a press is accepted.</summary>
    public const int PressBlocks = 2;

    /// <summary>Consecutive blocks without the key before a press is over (Q.24 pauses are at least 40 ms).</summary>
    public const int ReleaseBlocks = 2;

    /// <summary>Grid steps a tone may move between blocks and still be one keypad tone.</summary>
    private const int MaxStepDrift = 1;

    private readonly float[] _block = new float[BlockSize];
    private int _filled;
    private char _candidate;
    private int _candidateBlocks;
    private int _candidateRowStep;
    private int _candidateColumnStep;
    private char _current;
    private int _currentBlocks;
    private int _misses;

    /// <summary>
    /// Feeds audio and writes the presses it completes into <paramref name="digits"/>: at most one per
    /// completed block, so <c>samples.Length / BlockSize + 1</c> places always suffice; extra ones are dropped.
    /// </summary>
    public int Process(ReadOnlySpan<short> samples, Span<DtmfDigit> digits)
    {
        var count = 0;
        foreach (var sample in samples)
        {
            _block[_filled++] = sample / 32768f;
            if (_filled < BlockSize)
            {
                continue;
            }

            _filled = 0;
            if (OnBlock() is { } digit && count < digits.Length)
            {
                digits[count++] = digit;
            }
        }

        return count;
    }

    /// <summary>Reports a press still on (e.g. when the stream ends) and forgets all state.</summary>
    public DtmfDigit? Flush()
    {
        DtmfDigit? digit = _current != '\0' ? Digit(_current, _currentBlocks) : null;
        _filled = 0;
        _candidate = _current = '\0';
        _candidateBlocks = _currentBlocks = _misses = 0;
        return digit;
    }

    private DtmfDigit? OnBlock()
    {
        if (_current != '\0')
        {
            if (DtmfBlockClassifier.Classify(_block, _current) == _current)
            {
                // A lone miss inside a press (a noise burst, a lost packet) counts towards its duration.
                _currentBlocks += 1 + _misses;
                _misses = 0;
                return null;
            }

            Track(DtmfBlockClassifier.Classify(_block, out var rowStep, out var columnStep), rowStep, columnStep);
            if (++_misses < ReleaseBlocks)
            {
                return null;
            }

            var released = Digit(_current, _currentBlocks);
            _current = '\0';
            _misses = 0;
            PromoteIfPressed();
            return released;
        }

        Track(DtmfBlockClassifier.Classify(_block, out var row, out var column), row, column);
        PromoteIfPressed();
        return null;
    }

    /// <summary>
    /// Counts consecutive blocks of one key. A keypad's oscillators hold their frequencies, so a pair whose
    /// measured frequencies move by more than one grid step (0.5 %) from block to block is a voice or an
    /// instrument gliding through the DTMF frequencies (vibrato sweeps about 1.4 % per block), and starts over.
    /// </summary>
    private void Track(char key, int rowStep, int columnStep)
    {
        if (key == '\0')
        {
            _candidate = '\0';
            _candidateBlocks = 0;
            return;
        }

        var steady = Math.Abs(rowStep - _candidateRowStep) <= MaxStepDrift && Math.Abs(columnStep - _candidateColumnStep) <= MaxStepDrift;
        _candidateBlocks = key == _candidate && steady ? _candidateBlocks + 1 : 1;
        _candidate = key;
        _candidateRowStep = rowStep;
        _candidateColumnStep = columnStep;
    }

    private void PromoteIfPressed()
    {
        if (_candidateBlocks < PressBlocks)
        {
            return;
        }

        _current = _candidate;
        _currentBlocks = _candidateBlocks;
        _candidate = '\0';
        _candidateBlocks = 0;
    }

    private static DtmfDigit Digit(char key, int blocks) => new(key, blocks * BlockSize * 1000 / SampleRate);
}
