using Microsoft.Data.Sqlite;
using Switchboard.Storage.Paging;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// <see cref="IPhoneNumberStore"/> on the embedded database. Each number is stored as given and once more as its
/// <see cref="PhoneNumberKey"/>, which carries the server-wide unique index and the inbound lookup.
/// </summary>
public sealed class SqlitePhoneNumberStore(SqliteDatabase database) : IPhoneNumberStore
{
    private const string Columns = "sid, account_sid, number, application_sid, voip_carrier_sid, created_at";

    public async Task<PhoneNumberRecord?> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM phone_numbers WHERE number_key = $key";
        query.Bind("$key", PhoneNumberKey.Of(number));
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PhoneNumberRecord?> FindAsync(string accountSid, string phoneNumberSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM phone_numbers WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", phoneNumberSid);
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> CreateAsync(PhoneNumberRecord phoneNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO phone_numbers ({Columns}, number_key)
            VALUES ($sid, $account, $number, $application, $carrier, $created, $key)
            """;
        Bind(insert, phoneNumber);
        insert.Bind("$created", SqliteValues.FormatTime(phoneNumber.CreatedAt));
        return await SqliteCommands.WriteAsync(insert, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> UpdateAsync(PhoneNumberRecord phoneNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE phone_numbers SET number = $number, number_key = $key, application_sid = $application, voip_carrier_sid = $carrier
            WHERE sid = $sid AND account_sid = $account
            """;
        Bind(update, phoneNumber);
        return await SqliteCommands.WriteAsync(update, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> DeleteAsync(string accountSid, string phoneNumberSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM phone_numbers WHERE sid = $sid AND account_sid = $account";
        delete.Bind("$sid", phoneNumberSid);
        delete.Bind("$account", accountSid);
        return await SqliteCommands.WriteAsync(delete, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<PhoneNumberRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns}, rowid FROM phone_numbers WHERE account_sid = $account AND {SqlitePaging.Clause}";
        query.Bind("$account", accountSid);
        return await SqlitePaging.ReadAsync(query, page, Read, cancellationToken).ConfigureAwait(false);
    }



    private static void Bind(SqliteCommand command, PhoneNumberRecord phoneNumber)
    {
        command.Bind("$sid", phoneNumber.Sid);
        command.Bind("$account", phoneNumber.AccountSid);
        command.Bind("$number", phoneNumber.Number);
        command.Bind("$key", PhoneNumberKey.Of(phoneNumber.Number));
        command.Bind("$application", phoneNumber.ApplicationSid);
        command.Bind("$carrier", phoneNumber.VoipCarrierSid);
    }

    private static PhoneNumberRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.NullableString(3),
        reader.NullableString(4),
        reader.GetTime(5));
}
