using Switchboard.Storage.Paging;
using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class PhoneNumberStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqlitePhoneNumberStore _numbers = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _numbers = new SqlitePhoneNumberStore(_db.Database);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Theory]
    [InlineData("+306971234567", "306971234567")]
    [InlineData("306971234567", "+306971234567")]
    [InlineData("306971234567", "306971234567")]
    public async Task FindByNumber_IgnoresALeadingPlus_AndReturnsTheNumberAsStored(string stored, string dialled)
    {
        var number = Records.PhoneNumber(_db.DefaultAccount.Sid, stored);
        await _numbers.CreateAsync(number, default);

        Assert.Equal(number, await _numbers.FindByNumberAsync(dialled, default));
    }

    [Fact]
    public async Task Numbers_AreUniqueAcrossAccounts_WithOrWithoutPlus()
    {
        var other = await _db.NewAccountAsync("other");
        Assert.Equal(WriteOutcome.Done, await _numbers.CreateAsync(Records.PhoneNumber(_db.DefaultAccount.Sid, "+15550100"), default));

        Assert.Equal(WriteOutcome.Duplicate, await _numbers.CreateAsync(Records.PhoneNumber(other.Sid, "15550100"), default));
        Assert.Equal(WriteOutcome.Duplicate, await _numbers.CreateAsync(Records.PhoneNumber(_db.DefaultAccount.Sid, "+15550100"), default));
    }

    [Fact]
    public async Task Update_ToATakenNumber_IsDuplicate_AndChangesNothing()
    {
        var first = Records.PhoneNumber(_db.DefaultAccount.Sid, "15550100");
        var second = Records.PhoneNumber(_db.DefaultAccount.Sid, "15550101");
        await _numbers.CreateAsync(first, default);
        await _numbers.CreateAsync(second, default);

        Assert.Equal(WriteOutcome.Duplicate, await _numbers.UpdateAsync(second with { Number = "+15550100" }, default));
        Assert.Equal(WriteOutcome.Done, await _numbers.UpdateAsync(second with { Number = "+15550102" }, default));

        Assert.Equal(second.Sid, (await _numbers.FindByNumberAsync("15550102", default))?.Sid);
        Assert.Null(await _numbers.FindByNumberAsync("15550101", default));
        Assert.Equal(first, await _numbers.FindAsync(_db.DefaultAccount.Sid, first.Sid, default));
    }

    [Fact]
    public async Task ACallbackUrl_RoundTripsThroughCreateFindListAndUpdate()
    {
        var number = Records.PhoneNumber(_db.DefaultAccount.Sid, "+15550100") with { CallbackUrl = "https://example.com/events?app=1" };
        Assert.Equal(WriteOutcome.Done, await _numbers.CreateAsync(number, default));

        Assert.Equal("https://example.com/events?app=1", (await _numbers.FindAsync(_db.DefaultAccount.Sid, number.Sid, default))?.CallbackUrl);
        Assert.Equal(number, await _numbers.FindByNumberAsync("15550100", default));
        Assert.Equal([number], (await _numbers.ListAsync(_db.DefaultAccount.Sid, PageRequest.First, default)).Items);

        var moved = number with { CallbackUrl = "http://192.0.2.7:8080/voice" };
        Assert.Equal(WriteOutcome.Done, await _numbers.UpdateAsync(moved, default));
        Assert.Equal(moved, await _numbers.FindAsync(_db.DefaultAccount.Sid, number.Sid, default));

        var cleared = moved with { CallbackUrl = null };
        Assert.Equal(WriteOutcome.Done, await _numbers.UpdateAsync(cleared, default));
        Assert.Null((await _numbers.FindByNumberAsync("+15550100", default))!.CallbackUrl);
    }

    [Fact]
    public async Task ANumberWithNeitherApplicationNorCallbackUrl_ReadsBackWithBothNull()
    {
        var number = Records.PhoneNumber(_db.DefaultAccount.Sid, "15550100");
        await _numbers.CreateAsync(number, default);

        var found = await _numbers.FindByNumberAsync("15550100", default);

        Assert.NotNull(found);
        Assert.Null(found.ApplicationSid);
        Assert.Null(found.CallbackUrl);
        Assert.Equal(number, found);
    }

    [Fact]
    public async Task ANumberStoredBeforeCallbackUrls_ReadsBackWithNone()
    {
        var number = Records.PhoneNumber(_db.DefaultAccount.Sid, "15550100");
        await _numbers.CreateAsync(number, default);
        await using (var connection = await _db.Database.OpenConnectionAsync(default))
        {
            await using var downgrade = connection.CreateCommand();
            // The tables as a version 7 server left them, so opening the file again runs migration 8 on a stored row.
            downgrade.CommandText = "DROP TABLE webhook_attempts; ALTER TABLE calls DROP COLUMN end_reason; ALTER TABLE calls DROP COLUMN hangup_by; ALTER TABLE calls DROP COLUMN tag; "
                + "ALTER TABLE phone_numbers DROP COLUMN callback_url; DROP TABLE escalation_attempts; DROP TABLE escalations; PRAGMA user_version = 7;";
            await downgrade.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var reopened = new SqlitePhoneNumberStore(await SqliteDatabase.OpenAsync(_db.Path, default));

        Assert.Equal(number, await reopened.FindByNumberAsync("15550100", default));
        Assert.Equal(WriteOutcome.Done, await reopened.UpdateAsync(number with { CallbackUrl = "https://example.com/e" }, default));
        Assert.Equal("https://example.com/e", (await reopened.FindAsync(_db.DefaultAccount.Sid, number.Sid, default))?.CallbackUrl);
    }

    [Fact]
    public async Task Number_IsInvisibleToAnotherAccount_ExceptByInboundLookup()
    {
        var other = await _db.NewAccountAsync("other");
        var number = Records.PhoneNumber(_db.DefaultAccount.Sid, "15550100");
        await _numbers.CreateAsync(number, default);

        Assert.Null(await _numbers.FindAsync(other.Sid, number.Sid, default));
        Assert.Equal(WriteOutcome.NotFound, await _numbers.DeleteAsync(other.Sid, number.Sid, default));
        Assert.Empty((await _numbers.ListAsync(other.Sid, PageRequest.First, default)).Items);
        Assert.Equal([number], (await _numbers.ListAsync(_db.DefaultAccount.Sid, PageRequest.First, default)).Items);
    }
}
