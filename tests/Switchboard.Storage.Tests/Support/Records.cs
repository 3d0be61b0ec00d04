using Switchboard.Storage.Applications;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Clients;
using Switchboard.Storage.PhoneNumbers;
using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Storage.Tests.Support;

/// <summary>Valid records to start each test from; tests change what they are about with <c>with</c>.</summary>
public static class Records
{
    // Whole microseconds survive the round trip through ISO 8601 text exactly.
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    public static ApplicationRecord Application(string accountSid, string name = "ivr") => new(
        Guid.NewGuid().ToString(),
        accountSid,
        name,
        new WebhookTarget("https://example.com/call", "POST", "user", "secret"),
        new WebhookTarget("https://example.com/status", "GET", null, null),
        "espeak",
        "en-us",
        "en-US",
        "pocketsphinx",
        "en-GB",
        "office",
        RecordAllCalls: true,
        Created);

    public static PhoneNumberRecord PhoneNumber(string accountSid, string number, string? applicationSid = null, string? carrierSid = null) =>
        new(Guid.NewGuid().ToString(), accountSid, number, applicationSid, carrierSid, Created);

    public static VoipCarrierRecord Carrier(string accountSid, string name = "trunk") => new(
        Guid.NewGuid().ToString(),
        accountSid,
        name,
        "sip.example.com",
        5080,
        "tcp",
        "user",
        "pass",
        Register: true,
        "99",
        E164LeadingPlus: true,
        ["192.0.2.10", "198.51.100.0/24"],
        Created);

    public static SpeechCredentialRecord SpeechCredential(string accountSid, string vendor = "openai", string? label = null) => new(
        Guid.NewGuid().ToString(),
        accountSid,
        vendor,
        label,
        "sk-test",
        "https://whisper.example.com",
        "whisper-1",
        UseForStt: true,
        Created);

    public static ClientRecord Client(string accountSid, string username, string password = "pw") => new(
        Guid.NewGuid().ToString(),
        accountSid,
        username,
        "switchboard",
        DigestHa1.Md5(username, "switchboard", password),
        DigestHa1.Sha256(username, "switchboard", password),
        Created);
}
