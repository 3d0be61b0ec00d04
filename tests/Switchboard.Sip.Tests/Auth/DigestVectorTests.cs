using Switchboard.Sip.Auth;

namespace Switchboard.Sip.Tests.Auth;

/// <summary>The published digest examples, computed by <see cref="DigestClient"/>.</summary>
public class DigestVectorTests
{
    [Fact]
    public void Rfc2617Section3_5_Md5WithQopAuth()
    {
        var challenge = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", "5ccc069c403ebaf9f0171e9517f40e41", DigestAlgorithm.Md5, ["auth", "auth-int"], false);

        var answer = DigestClient.Answer(challenge, new SipCredentials("Mufasa", "Circle Of Life"), "GET", "/dir/index.html", 1, "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", answer.Response);
        Assert.Equal(("auth", "00000001", "0a4f113b"), (answer.Qop, answer.NonceCount, answer.Cnonce));
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", answer.Opaque);
    }

    [Fact]
    public void Rfc2069Form_WithoutQop_HashesNonceAndHa2Only()
    {
        var challenge = new DigestChallenge("testrealm@host.com", "dcd98b7102dd2f0e8b11d0f600bfb0c093", null, DigestAlgorithm.Md5, [], false);

        var answer = DigestClient.Answer(challenge, new SipCredentials("Mufasa", "CircleOfLife"), "GET", "/dir/index.html");

        Assert.Equal("1949323746fe6a43ef61f9606e7febea", answer.Response);
        Assert.Null(answer.Qop);
        Assert.Null(answer.Cnonce);
        Assert.DoesNotContain("nc=", answer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616Section3_9_1(DigestAlgorithm algorithm, string expected)
    {
        var challenge = new DigestChallenge("http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
            "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", algorithm, ["auth"], false);

        var answer = DigestClient.Answer(challenge, new SipCredentials("Mufasa", "Circle of Life"), "GET", "/dir/index.html", 1,
            "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Equal(expected, answer.Response);
    }

    [Fact]
    public void Credentials_RoundTripThroughTheHeaderValue()
    {
        var challenge = new DigestChallenge("sip.example.com", "abc\"def", "op", DigestAlgorithm.Sha256Session, ["auth"], false);
        var answer = DigestClient.Answer(challenge, new SipCredentials("bob", "pw"), "INVITE", "sip:bob@sip.example.com", 2);

        Assert.True(DigestCredentials.TryParse(answer.ToString(), out var parsed));
        Assert.Equal(answer, parsed);
        Assert.Contains("algorithm=SHA-256-sess", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("qop=auth, nc=00000002", answer.ToString(), StringComparison.Ordinal);
        Assert.Contains("nonce=\"abc\\\"def\"", answer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SipCredentials_KeepThePasswordOutOfToString() =>
        Assert.DoesNotContain("secret", new SipCredentials("alice", "secret").ToString(), StringComparison.Ordinal);
}
