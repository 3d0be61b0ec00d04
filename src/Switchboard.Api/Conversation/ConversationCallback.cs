namespace Switchboard.Api.Conversation;

/// <summary>The request's <c>callback</c> object.</summary>
public sealed record ConversationCallback(Uri Url, CallbackStrategy Strategy)
{
    /// <summary><c>callback.fallbackUrl</c>: where callbacks go when <see cref="Url"/> fails with an error worth retrying.</summary>
    public Uri? FallbackUrl { get; init; }
}
