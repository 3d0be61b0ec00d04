using Switchboard.Testing;
using Switchboard.Calls.Engine.Steps;

namespace Switchboard.Calls.Tests.Engine.Steps;

public sealed class KeyPatternsTests
{
    [Fact]
    public void APattern_MatchesWhenTheKeysEndWithIt_ThenTheKeysStartAfresh()
    {
        var patterns = new KeyPatterns(["*2", "22"], new ManualTimeProvider());

        Assert.Null(patterns.Press('1'));
        Assert.Null(patterns.Press('*'));
        Assert.Equal("*2", patterns.Press('2'));
        // The 2 that completed *2 does not start 22.
        Assert.Null(patterns.Press('2'));
        Assert.Equal("22", patterns.Press('2'));
    }

    [Fact]
    public void KeysFurtherApartThanTheInterDigitTimeout_DoNotMakeAPattern()
    {
        var time = new ManualTimeProvider();
        var patterns = new KeyPatterns(["*2"], time);

        Assert.Null(patterns.Press('*'));
        time.Advance(KeyPatterns.InterDigitTimeout);
        Assert.Null(patterns.Press('2'));
        Assert.Null(patterns.Press('*'));
        time.Advance(KeyPatterns.InterDigitTimeout - TimeSpan.FromMilliseconds(1));
        Assert.Equal("*2", patterns.Press('2'));
    }
}
