namespace Switchboard.Calls.Verbs;

/// <summary>
/// jambonz <c>config.transcribe</c>: a <see cref="TranscribeVerb"/> that runs in the background while the call's verbs
/// run. <paramref name="Transcribe"/> is null for <c>enable: false</c>, which stops it.
/// </summary>
public sealed record TranscribeConfig(TranscribeVerb? Transcribe);
