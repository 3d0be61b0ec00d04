using Switchboard.Storage.Paging;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class VoipCarrierStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteVoipCarrierStore _carriers = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _carriers = new SqliteVoipCarrierStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Carrier_RoundTripsEveryField_IncludingTheAllowList()
    {
        var carrier = Records.Carrier(_db.DefaultAccount.Sid);

        Assert.Equal(WriteOutcome.Done, await _carriers.CreateAsync(carrier, default));

        var stored = await _carriers.FindAsync(_db.DefaultAccount.Sid, carrier.Sid, default);
        Assert.NotNull(stored);
        Assert.Equal(carrier.InboundAllowList, stored.InboundAllowList);
        Assert.Equal(carrier, stored with { InboundAllowList = carrier.InboundAllowList });
        Assert.Equal(carrier.Sid, (await _carriers.FindByNameAsync(_db.DefaultAccount.Sid, "trunk", default))?.Sid);
    }

    [Fact]
    public async Task Names_AreUniquePerAccount_NotAcrossAccounts()
    {
        var other = await _db.NewAccountAsync("other");
        await _carriers.CreateAsync(Records.Carrier(_db.DefaultAccount.Sid), default);

        Assert.Equal(WriteOutcome.Duplicate, await _carriers.CreateAsync(Records.Carrier(_db.DefaultAccount.Sid), default));
        Assert.Equal(WriteOutcome.Done, await _carriers.CreateAsync(Records.Carrier(other.Sid), default));
        Assert.Null(await _carriers.FindByNameAsync(other.Sid + "x", "trunk", default));
        Assert.Equal(2, (await _carriers.ListAllAsync(default)).Count);
    }

    [Fact]
    public async Task Update_ReplacesFields_AndAnEmptyAllowListStaysEmpty()
    {
        var carrier = Records.Carrier(_db.DefaultAccount.Sid);
        await _carriers.CreateAsync(carrier, default);

        var changed = carrier with { Host = "10.0.0.1", Port = 5060, Transport = "udp", Password = null, InboundAllowList = [] };
        Assert.Equal(WriteOutcome.Done, await _carriers.UpdateAsync(changed, default));

        var stored = await _carriers.FindAsync(_db.DefaultAccount.Sid, carrier.Sid, default);
        Assert.NotNull(stored);
        Assert.Empty(stored.InboundAllowList);
        Assert.Equal(("10.0.0.1", 5060, "udp", (string?)null), (stored.Host, stored.Port, stored.Transport, stored.Password));
    }

    [Fact]
    public async Task Delete_IsRefusedWhileANumberIsTiedToIt()
    {
        var carrier = Records.Carrier(_db.DefaultAccount.Sid);
        await _carriers.CreateAsync(carrier, default);
        var numbers = new SqlitePhoneNumberStore(_db.Database);
        await numbers.CreateAsync(Records.PhoneNumber(_db.DefaultAccount.Sid, "15550100", carrierSid: carrier.Sid), default);

        Assert.Equal(WriteOutcome.InUse, await _carriers.DeleteAsync(_db.DefaultAccount.Sid, carrier.Sid, default));
        Assert.Single((await _carriers.ListAsync(_db.DefaultAccount.Sid, PageRequest.First, default)).Items);
    }
}
