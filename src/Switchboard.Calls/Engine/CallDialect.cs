namespace Switchboard.Calls.Engine;

/// <summary>The API dialect a call came through, as metrics name it (<see cref="CallRequest.Dialect"/>).</summary>
public static class CallDialect
{
    /// <summary>The Calls API (seed 003, jambonz-compatible): <c>POST .../Calls</c> and numbers with an application.</summary>
    public const string Calls = "calls";

    /// <summary>The Conversation API (seed 002), escalation attempts included.</summary>
    public const string Conversation = "conversation";

    /// <summary>The Callback API (seeds 000 and 001): both legs of a session.</summary>
    public const string Callback = "callback";

    /// <summary>The event/action API (seed 004): <c>POST /v1/voice/calls</c> and numbers with a callback URL.</summary>
    public const string EventAction = "event_action";

    /// <summary>A request that named none (tests, tools).</summary>
    public const string None = "none";
}
