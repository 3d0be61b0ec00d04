namespace Switchboard.Calls.Verbs;

/// <summary>
/// jambonz <c>config.listen</c>: a <see cref="ListenVerb"/> that streams in the background while the call's verbs run.
/// <paramref name="Listen"/> is null for <c>enable: false</c>, which stops it.
/// </summary>
public sealed record ListenConfig(ListenVerb? Listen);
