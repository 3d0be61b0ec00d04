using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Tests.Engine;

public sealed class GatherInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void Accept_EndsAtMaxDigits()
    {
        var input = new GatherInput(new GatherVerb(3, FinishOnKey: null, Timeout, null));

        Assert.Null(input.Accept('1'));
        Assert.Null(input.Accept('2'));
        Assert.Equal(GatherEndReason.MaxDigits, input.Accept('3'));
        Assert.Equal("123", input.Digits);
    }

    [Fact]
    public void Accept_Hash_EndsInputWithoutBeingCollected_WhenSubmitOnHash()
    {
        var input = new GatherInput(new GatherVerb(10, FinishOnKey: '#', Timeout, null));

        Assert.Null(input.Accept('4'));
        Assert.Equal(GatherEndReason.Terminator, input.Accept('#'));
        Assert.Equal("4", input.Digits);
    }

    [Fact]
    public void Accept_Hash_IsAnOrdinaryKey_WithoutSubmitOnHash()
    {
        var input = new GatherInput(new GatherVerb(2, FinishOnKey: null, Timeout, null));

        Assert.Null(input.Accept('#'));
        Assert.Equal(GatherEndReason.MaxDigits, input.Accept('*'));
        Assert.Equal("#*", input.Digits);
    }
}
