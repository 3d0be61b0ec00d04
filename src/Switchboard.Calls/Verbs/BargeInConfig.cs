namespace Switchboard.Calls.Verbs;

/// <summary>
/// jambonz <c>config.bargeIn</c>: a gather that listens in the background while the call's verbs run. A key (or
/// speech) stops the prompt that is playing, and the gather's result goes to its action hook, whose answer replaces
/// the verbs left. <paramref name="Gather"/> is null for <c>enable: false</c>, which turns it off.
/// </summary>
/// <param name="Sticky">Whether it listens again once it has fired (and its hook has answered).</param>
/// <param name="MinWordCount">Words an utterance needs before speech barges in (jambonz <c>minBargeinWordCount</c>).</param>
public sealed record BargeInConfig(GatherVerb? Gather, bool Sticky, int MinWordCount = 1);
