namespace Switchboard.Calls.Scripts;

/// <summary>Why a <c>listen</c> stream ended; its action hook hears it as <c>reason</c>.</summary>
public enum ListenEndReason
{
    /// <summary>The agent closed the WebSocket.</summary>
    Closed,

    /// <summary>The agent asked to end the stream (jambonz <c>disconnect</c>).</summary>
    Disconnect,

    /// <summary>The WebSocket could not be opened (refused, unreachable, handshake rejected, timed out).</summary>
    ConnectFailure,

    /// <summary>The agent stopped taking what was sent: a send did not complete within the stall timeout.</summary>
    Stall,

    /// <summary>The connection broke, or the agent sent something that cannot be read.</summary>
    Error,

    /// <summary>The caller pressed one of the finishing keys.</summary>
    FinishOnKey,

    /// <summary>The stream reached its <c>maxLength</c>.</summary>
    MaxLength,

    /// <summary>The caller was silent for the verb's <c>timeout</c>.</summary>
    Timeout,

    /// <summary>The call ended.</summary>
    Hangup,

    /// <summary>The verb was left for other verbs (a redirect, a live-control update); no result is posted.</summary>
    Left,
}
