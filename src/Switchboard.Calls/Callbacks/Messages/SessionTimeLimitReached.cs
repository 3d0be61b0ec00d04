using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Callbacks.Messages;

/// <summary>The two have talked for the session's <c>timeLimit</c>.</summary>
internal sealed record SessionTimeLimitReached : CallMessage;
