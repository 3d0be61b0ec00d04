using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>An <see cref="AnnounceVerb"/> ended: how long its audio played, or why none could be played.</summary>
/// <param name="Played">How long the audio played.</param>
/// <param name="Error">Why the prompts could not be rendered (a fetch or synthesis failure); null when they played.</param>
public sealed record AnnounceResult(AnnounceVerb Announce, TimeSpan Played, string? Error) : VerbResult(Announce);
