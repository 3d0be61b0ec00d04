namespace Switchboard.Webhooks.Replies;

/// <summary>What an application answered to a webhook whose answer the call needs.</summary>
public sealed record WebhookReply(int StatusCode, string? ContentType, byte[] Body)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
