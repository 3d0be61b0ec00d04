using System.Text.Json.Serialization;

namespace Switchboard.Api.Conversation;

/// <summary>
/// A dial-plan verb that could not run and was skipped (a PLAY whose file could not be fetched or decoded), as the
/// status payload's <c>failedVerbs</c> lists it.
/// </summary>
public sealed record ConversationFailedVerb(string Type, string Reason, DateTimeOffset FailedDate)
{
    /// <summary>The PLAY's <c>fileUrl</c>; absent for other verbs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FileUrl { get; init; }
}
