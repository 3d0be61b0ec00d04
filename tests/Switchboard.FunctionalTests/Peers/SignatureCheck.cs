using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// A receiver's check of <c>Switchboard-Signature</c>, written from docs/webhooks.md and independent of the
/// server's signer: some <c>v1</c> must be the hex HMAC-SHA256 of <c>"&lt;t&gt;.&lt;raw body&gt;"</c> under the secret.
/// </summary>
internal static class SignatureCheck
{
    public static bool IsSignedWith(ReceivedWebhook webhook, string secret)
    {
        if (!webhook.Headers.TryGetValue("Switchboard-Signature", out var header))
        {
            return false;
        }

        var parts = header.Split(',').Select(part => part.Split('=', 2)).Where(kv => kv.Length == 2).ToList();
        var t = parts.FirstOrDefault(kv => kv[0] == "t")?[1];
        if (t is null || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(t, CultureInfo.InvariantCulture)) > 300)
        {
            return false;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.ASCII.GetBytes(t + "."), .. webhook.RawBody]));
        return parts.Any(kv => kv[0] == "v1" && kv[1] == expected);
    }

    /// <summary>The account's current secret, read over the API like an application would.</summary>
    public static async Task<string> SecretAsync(TestServer server)
    {
        var answer = await server.Client.GetFromJsonAsync<JsonElement>($"/v1/Accounts/{server.App.AccountSid}/WebhookSecret");
        return answer.GetProperty("webhook_secret").GetString()!;
    }
}
