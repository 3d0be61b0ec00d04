using Switchboard.Sip.Auth;

namespace Switchboard.Sip.Tests.Auth;

public class DigestVerifierTests
{
    static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    static readonly SipCredentials Alice = new("alice", "wonderland");

    static string Ha1(DigestAlgorithm algorithm) => DigestHash.Ha1(algorithm, "alice", "switchboard.test", "wonderland");

    [Theory]
    [InlineData(DigestAlgorithm.Md5)]
    [InlineData(DigestAlgorithm.Sha256)]
    [InlineData(DigestAlgorithm.Md5Session)]
    [InlineData(DigestAlgorithm.Sha256Session)]
    public void ChallengeAnsweredWithTheRightPassword_IsValid(DigestAlgorithm algorithm)
    {
        var verifier = new DigestVerifier(Key, new ManualTimeProvider(), TimeSpan.FromMinutes(5));
        var challenge = verifier.CreateChallenge("switchboard.test", algorithm);

        var answer = DigestClient.Answer(challenge, Alice, "REGISTER", "sip:switchboard.test");

        Assert.Equal(DigestVerification.Valid, verifier.Verify(answer, "REGISTER", Ha1(algorithm), algorithm));
        Assert.True(challenge.OffersAuth);
        Assert.Equal(48, challenge.Nonce.Length);
    }

    [Fact]
    public void WrongPassword_MethodOrUri_IsWrongResponse()
    {
        var verifier = new DigestVerifier(Key, new ManualTimeProvider(), TimeSpan.FromMinutes(5));
        var challenge = verifier.CreateChallenge("switchboard.test", DigestAlgorithm.Sha256);
        var answer = DigestClient.Answer(challenge, Alice, "INVITE", "sip:bob@switchboard.test");
        var wrongPassword = DigestClient.Answer(challenge, new SipCredentials("alice", "rabbit"), "INVITE", "sip:bob@switchboard.test");

        Assert.Equal(DigestVerification.WrongResponse, verifier.Verify(wrongPassword, "INVITE", Ha1(DigestAlgorithm.Sha256), DigestAlgorithm.Sha256));
        Assert.Equal(DigestVerification.WrongResponse, verifier.Verify(answer, "BYE", Ha1(DigestAlgorithm.Sha256), DigestAlgorithm.Sha256));
        Assert.Equal(DigestVerification.WrongResponse, verifier.Verify(answer with { Uri = "sip:eve@switchboard.test" }, "INVITE", Ha1(DigestAlgorithm.Sha256), DigestAlgorithm.Sha256));
    }

    [Fact]
    public void NonceOlderThanItsLifetime_IsStale_ButStillProvesThePassword()
    {
        var clock = new ManualTimeProvider();
        var verifier = new DigestVerifier(Key, clock, TimeSpan.FromMinutes(5));
        var answer = DigestClient.Answer(verifier.CreateChallenge("switchboard.test", DigestAlgorithm.Md5), Alice, "INVITE", "sip:x");

        clock.Advance(TimeSpan.FromMinutes(4.9));
        Assert.Equal(DigestVerification.Valid, verifier.Verify(answer, "INVITE", Ha1(DigestAlgorithm.Md5), DigestAlgorithm.Md5));
        clock.Advance(TimeSpan.FromMinutes(0.2));
        Assert.Equal(DigestVerification.Stale, verifier.Verify(answer, "INVITE", Ha1(DigestAlgorithm.Md5), DigestAlgorithm.Md5));
        Assert.True(verifier.CreateChallenge("switchboard.test", DigestAlgorithm.Md5, stale: true).Stale);
    }

    [Fact]
    public void NonceNotIssuedByThisKeyOrForThisRealm_IsUnknown()
    {
        var clock = new ManualTimeProvider();
        var verifier = new DigestVerifier(Key, clock, TimeSpan.FromMinutes(5));
        var otherKey = new DigestVerifier(Key.Select(b => (byte)(b ^ 0xff)).ToArray(), clock, TimeSpan.FromMinutes(5));
        var forged = DigestClient.Answer(otherKey.CreateChallenge("switchboard.test", DigestAlgorithm.Md5), Alice, "INVITE", "sip:x");
        var otherRealm = DigestClient.Answer(verifier.CreateChallenge("elsewhere", DigestAlgorithm.Md5), Alice, "INVITE", "sip:x") with { Realm = "switchboard.test" };
        var genuine = DigestClient.Answer(verifier.CreateChallenge("switchboard.test", DigestAlgorithm.Md5), Alice, "INVITE", "sip:x");
        var tampered = genuine with { Nonce = genuine.Nonce[..^1] + (genuine.Nonce[^1] == '0' ? '1' : '0') };
        var otherTime = genuine with { Nonce = genuine.Nonce[..15] + (genuine.Nonce[15] == '0' ? '1' : '0') + genuine.Nonce[16..] };
        var truncated = genuine with { Nonce = genuine.Nonce[..40] };

        foreach (var answer in new[] { forged, otherRealm, tampered, otherTime, truncated, genuine with { Nonce = "not-a-nonce" } })
        {
            Assert.Equal(DigestVerification.UnknownNonce, verifier.Verify(answer, "INVITE", Ha1(DigestAlgorithm.Md5), DigestAlgorithm.Md5));
        }
    }

    [Fact]
    public void AnotherAlgorithm_OrTheRfc2069Form_IsUnsupportedUnlessAllowed()
    {
        var verifier = new DigestVerifier(Key, new ManualTimeProvider(), TimeSpan.FromMinutes(5));
        var lenient = new DigestVerifier(Key, new ManualTimeProvider(), TimeSpan.FromMinutes(5)) { AllowRfc2069 = true };
        var challenge = verifier.CreateChallenge("switchboard.test", DigestAlgorithm.Md5) with { Qop = [] };
        var rfc2069 = DigestClient.Answer(challenge, Alice, "INVITE", "sip:x");
        var sha = DigestClient.Answer(verifier.CreateChallenge("switchboard.test", DigestAlgorithm.Sha256), Alice, "INVITE", "sip:x");

        Assert.Equal(DigestVerification.Unsupported, verifier.Verify(rfc2069, "INVITE", Ha1(DigestAlgorithm.Md5), DigestAlgorithm.Md5));
        Assert.Equal(DigestVerification.Valid, lenient.Verify(rfc2069, "INVITE", Ha1(DigestAlgorithm.Md5), DigestAlgorithm.Md5));
        Assert.Equal(DigestVerification.Unsupported, verifier.Verify(sha, "INVITE", Ha1(DigestAlgorithm.Md5), DigestAlgorithm.Md5));
    }

    [Fact]
    public void ShortKey_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DigestVerifier(new byte[16], TimeProvider.System, TimeSpan.FromMinutes(1)));
}
