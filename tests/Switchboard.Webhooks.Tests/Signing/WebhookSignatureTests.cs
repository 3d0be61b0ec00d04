using System.Security.Cryptography;
using System.Text;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Webhooks.Tests.Signing;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);
    private static readonly byte[] Body = """{"call_sid":"abc","call_status":"completed"}"""u8.ToArray();

    [Fact]
    public void Header_IsTheHexHmacOfTimestampDotBody()
    {
        var header = WebhookSignature.Create(1_750_000_000, Body, ["whsec_test"]);

        // Computed independently of the signer: HMAC-SHA256 over the exact bytes "1750000000." + body.
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("whsec_test"), (byte[])[.. "1750000000."u8, .. Body]));
        Assert.Equal("t=1750000000,v1=" + expected, header);
    }

    [Fact]
    public void Verify_AcceptsItsOwnSignature_AndRejectsAnyChange()
    {
        var header = WebhookSignature.Create(Now.ToUnixTimeSeconds(), Body, ["whsec_test"]);

        Assert.True(WebhookSignature.Verify(header, Body, ["whsec_test"], Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header, [.. Body, (byte)' '], ["whsec_test"], Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header, Body, ["whsec_other"], Now, WebhookSignature.DefaultTolerance));
        Assert.False(WebhookSignature.Verify(header.Replace("t=1750000000", "t=1750000001", StringComparison.Ordinal), Body, ["whsec_test"], Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void Verify_RejectsAStaleTimestamp_SoACapturedWebhookCannotBeReplayedLater()
    {
        var header = WebhookSignature.Create(Now.ToUnixTimeSeconds(), Body, ["whsec_test"]);

        Assert.False(WebhookSignature.Verify(header, Body, ["whsec_test"], Now.AddMinutes(6), WebhookSignature.DefaultTolerance));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=00")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=1750000000")]
    [InlineData("t=1750000000,v1=zz")]
    [InlineData("t=1750000000,v1=")]
    public void Verify_RejectsMalformedHeaders(string? header)
    {
        Assert.False(WebhookSignature.Verify(header, Body, ["whsec_test"], Now, WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void DuringARotation_BothSecretsSign_SoReceiversWithEitherVerify()
    {
        var keys = new WebhookSigningKeys("whsec_new", "whsec_old", Now.AddHours(1));

        var header = WebhookSignature.Create(Now.ToUnixTimeSeconds(), Body, keys.ValidAt(Now));

        Assert.Equal(2, header.Split(",v1=").Length - 1);
        Assert.True(WebhookSignature.Verify(header, Body, ["whsec_old"], Now, WebhookSignature.DefaultTolerance));
        Assert.True(WebhookSignature.Verify(header, Body, ["whsec_new"], Now, WebhookSignature.DefaultTolerance));
        Assert.Equal(["whsec_new"], keys.ValidAt(Now.AddHours(2)));
    }
}
