using Switchboard.Sip.Auth;

namespace Switchboard.Sip.Tests.Auth;

public class DigestChallengeTests
{
    [Fact]
    public void Parse_ReadsQuotedAndTokenValues_WithLooseWhitespace()
    {
        Assert.True(DigestChallenge.TryParse(
            "Digest realm=\"atlanta.com\" ,domain=\"sip:ss1.carrier.com\", qop=\"auth,auth-int\",\r\n nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, algorithm=MD5",
            out var challenge));

        Assert.Equal("atlanta.com", challenge.Realm);
        Assert.Equal("f84f1cec41e6cbe5aea9c8e88d359", challenge.Nonce);
        Assert.Equal("", challenge.Opaque);
        Assert.Equal(["auth", "auth-int"], challenge.Qop);
        Assert.True(challenge.OffersAuth);
        Assert.False(challenge.Stale);
        Assert.Equal(DigestAlgorithm.Md5, challenge.Algorithm);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, stale=true", DigestAlgorithm.Sha256, true)]
    [InlineData("digest nonce=n,realm=r,algorithm=sha-256-sess", DigestAlgorithm.Sha256Session, false)]
    [InlineData("Digest realm=\"r\", nonce=\"n\"", DigestAlgorithm.Md5, false)]
    public void Parse_AlgorithmAndStale(string value, DigestAlgorithm algorithm, bool stale)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge));
        Assert.Equal((algorithm, stale), (challenge.Algorithm, challenge.Stale));
        Assert.Empty(challenge.Qop);
    }

    [Theory]
    [InlineData("Basic realm=\"r\"")]
    [InlineData("Digest")]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Digest nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256")]
    [InlineData("Digest realm=\"r, nonce=\"n\"")]
    [InlineData("Digest realm=\"r\" nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", realm=\"s\", nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", =x, nonce=\"n\"")]
    [InlineData("Digestrealm=\"r\", nonce=\"n\"")]
    public void Parse_RefusesWhatItCannotAnswer(string value) => Assert.False(DigestChallenge.TryParse(value, out _));

    [Fact]
    public void ToString_ParsesBack()
    {
        var challenge = new DigestChallenge("r\\x", "n", null, DigestAlgorithm.Sha256, ["auth"], true);

        Assert.True(DigestChallenge.TryParse(challenge.ToString(), out var parsed));
        Assert.Equal(challenge.ToString(), parsed.ToString());
        Assert.Equal("r\\x", parsed.Realm);
    }

    [Theory]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:x\", response=\"0\", qop=auth, nc=1, cnonce=\"c\"")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:x\", response=\"0\", qop=auth, nc=0000000g, cnonce=\"c\"")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:x\", response=\"0\", qop=auth, nc=00000001")]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", response=\"0\"")]
    public void CredentialsParse_RefusesIncompleteOnes(string value) => Assert.False(DigestCredentials.TryParse(value, out _));
}
