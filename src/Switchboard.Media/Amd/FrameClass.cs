namespace Switchboard.Media.Amd;

/// <summary>What one 20 ms frame holds, as far as the greeting's cadence is concerned.</summary>
internal enum FrameClass
{
    /// <summary>Below the silence threshold or near the noise floor.</summary>
    Silence,

    /// <summary>Well above the noise floor but not periodic: noise, a click, an unvoiced consonant.</summary>
    Sound,

    /// <summary>Well above the noise floor and periodic at a speaking pitch: a vowel or voiced consonant.</summary>
    Speech,

    /// <summary>One steady frequency in the beep range carries most of the frame's energy.</summary>
    Tone,
}
