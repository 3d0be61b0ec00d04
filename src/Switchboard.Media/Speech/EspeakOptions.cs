namespace Switchboard.Media.Speech;

/// <summary>Settings of <see cref="EspeakSpeechSynthesizer"/>.</summary>
/// <param name="CacheDirectory">Where synthesized prompts are kept as raw 8 kHz PCM so a restart reuses them.</param>
/// <param name="Executable">The espeak-ng program (a name on PATH or a full path).</param>
/// <param name="MemoryCacheEntries">How many prompts to keep in memory.</param>
public sealed record EspeakOptions(string CacheDirectory, string Executable = "espeak-ng", int MemoryCacheEntries = 256);
