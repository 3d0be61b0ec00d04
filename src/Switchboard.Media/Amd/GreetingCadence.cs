namespace Switchboard.Media.Amd;

/// <summary>
/// Cuts the stream of frame classes into words the way Asterisk's app_amd does: a word is a run of sound
/// at least <c>min_word_length</c> long, ended by a pause of <c>between_words_silence</c>; shorter gaps stay
/// inside the word. Unlike app_amd, a run only counts as a word if some of it is voiced, so steady noise,
/// clicks and tones never make words (they still count as having heard something).
/// </summary>
internal sealed class GreetingCadence
{
    /// <summary>Two voiced frames (40 ms): every spoken word has a vowel at least that long.</summary>
    private const int MinVoicedFrames = 2;

    private readonly int _minWordFrames;
    private readonly int _betweenWordsFrames;
    private bool _inRun;
    private bool _runIsWord;
    private int _runFrames;
    private int _runVoiced;
    private int _gapFrames;

    public GreetingCadence(int minWordFrames, int betweenWordsFrames)
    {
        _minWordFrames = minWordFrames;
        _betweenWordsFrames = betweenWordsFrames;
    }

    /// <summary>Words confirmed so far.</summary>
    public int Words { get; private set; }

    /// <summary>Frames of sound inside words so far (the greeting's speech, without its pauses).</summary>
    public int SpeechFrames { get; private set; }

    /// <summary>Some run of sound, word or not, has lasted a word's length.</summary>
    public bool HeardSound { get; private set; }

    /// <summary>The index of the last sounding frame of a word, or -1 before the first word.</summary>
    public long LastWordFrame { get; private set; } = -1;

    /// <summary>Feeds frame <paramref name="index"/>; true when it confirms a new word.</summary>
    public bool Add(long index, FrameClass frameClass)
    {
        if (frameClass == FrameClass.Silence)
        {
            if (_inRun && ++_gapFrames >= _betweenWordsFrames)
            {
                _inRun = false;
            }

            return false;
        }

        if (!_inRun)
        {
            _inRun = true;
            _runIsWord = false;
            _runFrames = _runVoiced = 0;
        }

        _gapFrames = 0;
        _runFrames++;
        if (frameClass == FrameClass.Speech)
        {
            _runVoiced++;
        }

        if (_runFrames >= _minWordFrames)
        {
            HeardSound = true;
        }

        if (_runIsWord)
        {
            SpeechFrames++;
            LastWordFrame = index;
            return false;
        }

        if (_runFrames < _minWordFrames || _runVoiced < MinVoicedFrames)
        {
            return false;
        }

        _runIsWord = true;
        Words++;
        SpeechFrames += _runFrames;
        LastWordFrame = index;
        return true;
    }
}
