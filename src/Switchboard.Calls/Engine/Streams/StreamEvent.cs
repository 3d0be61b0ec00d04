namespace Switchboard.Calls.Engine.Streams;

/// <summary>Something to tell the agent besides audio; rare, so each is a small object.</summary>
internal abstract record StreamEvent;

/// <summary>The caller pressed <paramref name="Key"/> (sent when the verb passes keys on).</summary>
internal sealed record DtmfStreamEvent(char Key) : StreamEvent;

/// <summary>The audio before mark <paramref name="Name"/> has played, or was cleared before it could.</summary>
internal sealed record MarkStreamEvent(string Name, bool Cleared) : StreamEvent;

/// <summary>The audio of a <c>playAudio</c> (jambonz) has played or was killed; <paramref name="Id"/> is the id it carried.</summary>
internal sealed record PlayDoneStreamEvent(string? Id) : StreamEvent;
