using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Scripts;

/// <summary>Where a dial reports the key patterns a connected party pressed (jambonz's <c>dtmfHook</c>).</summary>
public interface IKeyPatternHooks
{
    /// <summary>Posts <paramref name="call"/> (the party that pressed them) with <paramref name="pattern"/>; the answer is not read.</summary>
    ValueTask OnKeyPatternAsync(CallSnapshot call, string hook, string pattern, CancellationToken cancellationToken);
}
