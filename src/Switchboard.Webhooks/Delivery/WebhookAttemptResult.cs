namespace Switchboard.Webhooks.Delivery;

/// <summary>What one request of a webhook came to: an HTTP status with the start of its answer, or why there was none.</summary>
internal readonly record struct WebhookAttemptResult(int? StatusCode, string? Error, ReadOnlyMemory<byte> Answer)
{
    public static WebhookAttemptResult Answered(int statusCode, ReadOnlyMemory<byte> answer) => new(statusCode, null, answer);

    public static WebhookAttemptResult Failed(string error) => new(null, error, ReadOnlyMemory<byte>.Empty);
}
