using Switchboard.Storage.Sqlite;
using Switchboard.Storage.Tests.Support;

namespace Switchboard.Storage.Tests.Sqlite;

public sealed class WebhookSecretStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private SqliteWebhookSecretStore _secrets = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _secrets = new SqliteWebhookSecretStore(_db.Database, TimeProvider.System);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task GetOrCreate_KeepsTheFirstSecret()
    {
        var first = await _secrets.GetOrCreateAsync(_db.DefaultAccount.Sid, "whsec_one", default);
        var second = await _secrets.GetOrCreateAsync(_db.DefaultAccount.Sid, "whsec_two", default);

        Assert.Equal("whsec_one", first.Secret);
        Assert.Equal("whsec_one", second.Secret);
        Assert.Null(second.PreviousSecret);
    }

    [Fact]
    public async Task Rotate_KeepsTheReplacedSecretAsPrevious()
    {
        var at = DateTimeOffset.Parse("2025-06-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        await _secrets.GetOrCreateAsync(_db.DefaultAccount.Sid, "whsec_one", default);

        await _secrets.RotateAsync(_db.DefaultAccount.Sid, "whsec_two", at, default);
        var twice = await _secrets.RotateAsync(_db.DefaultAccount.Sid, "whsec_three", at.AddHours(1), default);

        Assert.Equal("whsec_three", twice.Secret);
        Assert.Equal("whsec_two", twice.PreviousSecret);
        Assert.Equal(at.AddHours(1), twice.RotatedAt);
    }
}
