using Switchboard.Media.Amd;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>The detector reported <paramref name="Event"/>: post it to the hook, after those before it.</summary>
internal sealed record AmdDetected(AmdEvent Event) : AmdMessage
{
    /// <summary>For a human or machine decision when the greeting is recognised: the audio heard up to it.</summary>
    public short[]? Greeting { get; init; }
}
