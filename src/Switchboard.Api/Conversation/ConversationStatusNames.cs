using Switchboard.Calls.Engine;

namespace Switchboard.Api.Conversation;

/// <summary>The Conversation API's status names for engine statuses.</summary>
public static class ConversationStatusNames
{
    public static string ToConversation(this CallStatus status) => status switch
    {
        CallStatus.Queued => "Queued",
        CallStatus.Trying => "Initiated",
        CallStatus.Ringing or CallStatus.EarlyMedia => "Ringing",
        CallStatus.InProgress => "InProgress",
        CallStatus.Completed => "Completed",
        CallStatus.Busy => "Busy",
        CallStatus.NoAnswer => "NoAnswer",
        _ => "Failed",
    };
}
