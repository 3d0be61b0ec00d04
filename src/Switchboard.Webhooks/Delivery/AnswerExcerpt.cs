using Switchboard.Storage.Webhooks;

namespace Switchboard.Webhooks.Delivery;

/// <summary>
/// The start of a notification's answer, for its attempt record. Nothing depends on it, so a body that fails or stalls
/// yields what arrived; disposing the answer then drains or closes the rest as before.
/// </summary>
internal static class AnswerExcerpt
{
    public static async Task<byte[]> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[WebhookAttemptRecord.MaxBodyBytes];
        var filled = 0;
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or OperationCanceledException)
        {
        }

        return buffer[..filled];
    }
}
