using Switchboard.Media.Sessions;

namespace Switchboard.Media.Tests.Sessions;

public sealed class PortPoolTests
{
    [Fact]
    public void EveryPortOfTheRange_IsEven_AndRentedOnce()
    {
        var pool = new PortPool(20001, 20100);
        var rented = new List<int>();

        while (pool.TryRent(out var port))
        {
            rented.Add(port);
        }

        Assert.Equal(pool.Capacity, rented.Count);
        Assert.Equal(Enumerable.Range(10001, 49).Select(half => half * 2), rented.Order());
        Assert.Equal(0, pool.Available);
    }

    [Fact]
    public void Ports_AreDrawnAtRandom_NotInOrder()
    {
        var pool = new PortPool(20000, 29999);
        var first = new int[20];
        for (var i = 0; i < first.Length; i++)
        {
            Assert.True(pool.TryRent(out first[i]));
        }

        // In order, twenty draws would rise every time; at random that happens once in 20! draws.
        Assert.NotEqual(first.Order(), first);
    }

    [Fact]
    public void APortJustReturned_CoolsDown_WhileOthersAreFree()
    {
        var pool = new PortPool(20000, 20019);
        Assert.True(pool.TryRent(out var released));
        pool.Return(released);

        for (var i = 0; i < pool.Capacity - 1; i++)
        {
            Assert.True(pool.TryRent(out var port));
            Assert.NotEqual(released, port);
        }

        Assert.True(pool.TryRent(out var last));
        Assert.Equal(released, last);
        Assert.False(pool.TryRent(out _));
    }
}
