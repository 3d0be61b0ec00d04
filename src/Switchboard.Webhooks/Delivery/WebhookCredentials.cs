using System.Net.Http.Headers;
using System.Text;

namespace Switchboard.Webhooks.Delivery;

/// <summary>HTTP Basic credentials a hook asked for (RFC 7617).</summary>
public sealed record WebhookCredentials(string Username, string Password)
{
    public AuthenticationHeaderValue ToHeader() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password)));

    /// <summary>Keeps the password out of logs and exception messages.</summary>
    public override string ToString() => $"{Username}:***";
}
