namespace Switchboard.Api.Conversation;

/// <summary>When status callbacks are posted: on every change, or once with the final status.</summary>
public enum CallbackStrategy
{
    OnChange,
    OnCompletion,
}
