using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Media.Recognition.PocketSphinx;

namespace Switchboard.Media.Tests.Recognition.PocketSphinx;

public sealed class DecoderPoolTests
{
    [Fact]
    public async Task ARecognitionWaitingForADecoder_EndsWhenItsTokenIsCancelled_AndThePoolStillLends()
    {
        using var workers = new DecodeWorkers(1);
        using var pool = new DecoderPool(PocketSphinxOptions.Default with { MaxDecoders = 1 }, workers, NullLogger.Instance);
        var only = await pool.RentAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pool.RentAsync(cancel.Token);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        pool.Return(only);
        var again = await pool.RentAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(only, again);
        Assert.Equal(1, pool.Created);
        pool.Return(again);
    }

    [Fact]
    public async Task AReturnedDecoder_IsLentAgain_NotMadeAnew()
    {
        using var workers = new DecodeWorkers(4);
        using var pool = new DecoderPool(PocketSphinxOptions.Default with { MaxDecoders = 4 }, workers, NullLogger.Instance);

        var first = await pool.RentAsync(CancellationToken.None);
        pool.Return(first);
        var second = await pool.RentAsync(CancellationToken.None);
        pool.Return(second);

        Assert.Same(first, second);
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public async Task ADiscardedDecoder_FreesItsPlace()
    {
        using var workers = new DecodeWorkers(1);
        using var pool = new DecoderPool(PocketSphinxOptions.Default with { MaxDecoders = 1 }, workers, NullLogger.Instance);

        pool.Discard(await pool.RentAsync(CancellationToken.None));
        var replacement = await pool.RentAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        pool.Return(replacement);

        Assert.Equal(1, pool.Created);
    }
}
