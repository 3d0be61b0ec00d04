using System.Text.Json.Serialization;

namespace Switchboard.Api.Conversation;

/// <summary>The body posted to <c>callback.url</c> on a status change.</summary>
public sealed record ConversationStatusPayload(
    string MessageId,
    string ConversationTrackingId,
    string From,
    string To,
    string Direction,
    ConversationStatus Status,
    int Duration)
{
    /// <summary>For the leg a DIAL placed: the <c>messageId</c> of the conversation's call that dialled it; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParentMessageId { get; init; }

    /// <summary>Every verb of the call skipped so far because it could not run; absent while there is none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ConversationFailedVerb>? FailedVerbs { get; init; }
}
