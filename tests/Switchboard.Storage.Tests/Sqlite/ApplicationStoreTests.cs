using Switchboard.Storage.Applications;
using Switchboard.Storage.Paging;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class ApplicationStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteApplicationStore _applications = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _applications = new SqliteApplicationStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Application_RoundTripsEveryField()
    {
        var application = Records.Application(_db.DefaultAccount.Sid);

        await _applications.CreateAsync(application, default);

        Assert.Equal(application, await _applications.FindAsync(_db.DefaultAccount.Sid, application.Sid, default));
    }

    [Fact]
    public async Task Application_WithoutStatusHook_ReadsBackNull()
    {
        var application = Records.Application(_db.DefaultAccount.Sid) with { CallStatusHook = null, SpeechSynthesisVendor = null };

        await _applications.CreateAsync(application, default);

        Assert.Equal(application, await _applications.FindAsync(_db.DefaultAccount.Sid, application.Sid, default));
    }

    [Fact]
    public async Task Application_IsInvisibleToAnotherAccount()
    {
        var other = await _db.NewAccountAsync("other");
        var application = Records.Application(_db.DefaultAccount.Sid);
        await _applications.CreateAsync(application, default);

        Assert.Null(await _applications.FindAsync(other.Sid, application.Sid, default));
        Assert.Equal(WriteOutcome.NotFound, await _applications.UpdateAsync(application with { AccountSid = other.Sid }, default));
        Assert.Equal(WriteOutcome.NotFound, await _applications.DeleteAsync(other.Sid, application.Sid, default));
        Assert.Empty((await _applications.ListAsync(other.Sid, PageRequest.First, default)).Items);
    }

    [Fact]
    public async Task Update_ChangesFields_ButNotTheCreationTime()
    {
        var application = Records.Application(_db.DefaultAccount.Sid);
        await _applications.CreateAsync(application, default);
        var changed = application with
        {
            Name = "renamed",
            CallHook = new WebhookTarget("http://other.example/hook", "GET", null, null),
            CallStatusHook = null,
            RecordAllCalls = false,
        };

        Assert.Equal(WriteOutcome.Done, await _applications.UpdateAsync(changed with { CreatedAt = DateTimeOffset.UnixEpoch }, default));

        Assert.Equal(changed, await _applications.FindAsync(_db.DefaultAccount.Sid, application.Sid, default));
    }

    [Fact]
    public async Task Delete_IsRefusedWhileAPhoneNumberRoutesToIt()
    {
        var application = Records.Application(_db.DefaultAccount.Sid);
        await _applications.CreateAsync(application, default);
        var numbers = new SqlitePhoneNumberStore(_db.Database);
        var number = Records.PhoneNumber(_db.DefaultAccount.Sid, "+15550100", application.Sid);
        await numbers.CreateAsync(number, default);

        Assert.Equal(WriteOutcome.InUse, await _applications.DeleteAsync(_db.DefaultAccount.Sid, application.Sid, default));
        await numbers.DeleteAsync(_db.DefaultAccount.Sid, number.Sid, default);
        Assert.Equal(WriteOutcome.Done, await _applications.DeleteAsync(_db.DefaultAccount.Sid, application.Sid, default));
        Assert.Null(await _applications.FindAsync(_db.DefaultAccount.Sid, application.Sid, default));
    }

    [Fact]
    public async Task DeletingTheAccount_DeletesApplicationsNumbersAndCarriers_EvenWhenTheyReferToEachOther()
    {
        var account = await _db.NewAccountAsync("doomed");
        var application = Records.Application(account.Sid);
        await _applications.CreateAsync(application, default);
        var carriers = new SqliteVoipCarrierStore(_db.Database);
        var carrier = Records.Carrier(account.Sid);
        await carriers.CreateAsync(carrier, default);
        var numbers = new SqlitePhoneNumberStore(_db.Database);
        await numbers.CreateAsync(Records.PhoneNumber(account.Sid, "15550199", application.Sid, carrier.Sid), default);

        Assert.Equal(WriteOutcome.Done, await _db.Accounts.DeleteAccountAsync(account.Sid, default));

        Assert.Null(await _applications.FindAsync(account.Sid, application.Sid, default));
        Assert.Null(await numbers.FindByNumberAsync("15550199", default));
        Assert.Empty(await carriers.ListAllAsync(default));
    }

    [Fact]
    public async Task List_PagesInCreationOrder()
    {
        var created = new List<ApplicationRecord>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(Records.Application(_db.DefaultAccount.Sid, "app" + i));
            await _applications.CreateAsync(created[^1], default);
        }

        var pages = new List<Page<ApplicationRecord>> { await _applications.ListAsync(_db.DefaultAccount.Sid, new PageRequest(2, null), default) };
        while (pages[^1].NextCursor is { } cursor)
        {
            pages.Add(await _applications.ListAsync(_db.DefaultAccount.Sid, new PageRequest(2, cursor), default));
        }

        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(created, pages.SelectMany(p => p.Items));
    }
}
