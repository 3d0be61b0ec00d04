using Switchboard.Media.Amd;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>The detector reported <paramref name="Event"/>: post it to the hook, after those before it.</summary>
internal sealed record AmdDetected(AmdEvent Event) : AmdMessage;
