using Switchboard.Sip.UserAgent;

namespace Switchboard.Sip.Tests.Support;

/// <summary>Answers every offer with one SDP (or refuses with null) and records the offers.</summary>
sealed class FixedAnswerer(string? answer) : ISipOfferAnswerer
{
    public List<string> Offers { get; } = [];

    public string? AnswerOffer(string sdpOffer)
    {
        Offers.Add(sdpOffer);
        return answer;
    }
}
