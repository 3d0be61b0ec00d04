namespace Switchboard.Calls.Verbs;

/// <summary>
/// Records what the caller says (after a beep, with <see cref="PlayBeep"/>) to a WAV file, until one of
/// <paramref name="FinishOnKeys"/> is pressed, <paramref name="SilenceTimeout"/> passes without sound, the
/// recording reaches <paramref name="MaxLength"/>, or the caller hangs up. The recording is stored and its
/// result goes to the script source with <paramref name="ActionHook"/>.
/// </summary>
/// <param name="ActionHook">Where the result is posted; its answer replaces the verbs left.</param>
/// <param name="MaxLength">The longest recording.</param>
/// <param name="SilenceTimeout">Silence that ends the recording; null: silence never ends it.</param>
/// <param name="FinishOnKeys">Keys that end the recording (any of them); empty: none.</param>
public sealed record RecordVerb(string? ActionHook, TimeSpan MaxLength, TimeSpan? SilenceTimeout, string FinishOnKeys) : Verb
{
    public override string Name => "record";

    /// <summary>Whether a short beep tells the caller when to start speaking.</summary>
    public bool PlayBeep { get; init; } = true;
}
