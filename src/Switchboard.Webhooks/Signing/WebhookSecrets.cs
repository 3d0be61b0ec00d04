using System.Collections.Concurrent;
using System.Security.Cryptography;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Webhooks.Signing;

/// <summary>
/// Each account's signing secrets: made on first use, rotated on request, cached so that signing a webhook does
/// not read the database. This process is the only writer, so its cache stays true.
/// </summary>
public sealed class WebhookSecrets(IWebhookSecretStore store, WebhookOptions options, TimeProvider timeProvider)
{
    private const string Prefix = "whsec_";
    private readonly ConcurrentDictionary<string, WebhookSigningKeys> _cache = new(StringComparer.Ordinal);

    public async ValueTask<WebhookSigningKeys> GetAsync(string accountSid, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(accountSid, out var cached))
        {
            return cached;
        }

        var record = await store.GetOrCreateAsync(accountSid, NewSecret(), cancellationToken).ConfigureAwait(false);
        return _cache[accountSid] = ToKeys(record);
    }

    /// <summary>A new current secret; the old one still signs (beside the new) until the grace period ends.</summary>
    public async Task<WebhookSigningKeys> RotateAsync(string accountSid, CancellationToken cancellationToken)
    {
        var record = await store.RotateAsync(accountSid, NewSecret(), timeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return _cache[accountSid] = ToKeys(record);
    }

    /// <summary>32 random bytes, URL-safe, prefixed so a leaked secret is recognisable.</summary>
    public static string NewSecret()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return Prefix + Convert.ToBase64String(random).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    private WebhookSigningKeys ToKeys(WebhookSecretRecord record) =>
        new(record.Secret, record.PreviousSecret, record.RotatedAt + options.SecretRotationGrace);
}
