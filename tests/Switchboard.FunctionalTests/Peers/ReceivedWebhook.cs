using System.Text.Json;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>One POST the webhook receiver got.</summary>
internal sealed record ReceivedWebhook(string Path, JsonElement Body, DateTimeOffset At, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>The body exactly as received, which is what a signature covers.</summary>
    public byte[] RawBody { get; init; } = [];
}
