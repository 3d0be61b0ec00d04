namespace Switchboard.Client.Conversation;

/// <summary>The verbs a conversation runs, in order, once answered.</summary>
public sealed record DialPlan(IReadOnlyList<ConversationVerb> Verbs);
