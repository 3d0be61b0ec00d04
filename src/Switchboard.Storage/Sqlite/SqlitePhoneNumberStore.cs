using Microsoft.Data.Sqlite;
using Switchboard.Storage.PhoneNumbers;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// <see cref="IPhoneNumberStore"/> on the embedded database. Each number is stored as given and once more as its
/// <see cref="PhoneNumberKey"/>, which carries the server-wide unique index and the inbound lookup.
/// </summary>
public sealed class SqlitePhoneNumberStore(SqliteDatabase database)
    : SqliteResourceStore<PhoneNumberRecord>(database, "phone_numbers", Columns, Read, referencesMeanInUse: false), IPhoneNumberStore
{
    private const string Columns = "sid, account_sid, number, application_sid, voip_carrier_sid, created_at, callback_url";

    private const string InsertStatement = $"""
        INSERT INTO phone_numbers ({Columns}, number_key)
        VALUES ($sid, $account, $number, $application, $carrier, $created, $callback, $key)
        """;

    private const string UpdateStatement = """
        UPDATE phone_numbers SET number = $number, number_key = $key, application_sid = $application, voip_carrier_sid = $carrier,
            callback_url = $callback
        WHERE sid = $sid AND account_sid = $account
        """;

    public Task<PhoneNumberRecord?> FindByNumberAsync(string number, CancellationToken cancellationToken) =>
        FindWhereAsync("number_key = $key", query => query.Bind("$key", PhoneNumberKey.Of(number)), cancellationToken);

    public Task<WriteOutcome> CreateAsync(PhoneNumberRecord phoneNumber, CancellationToken cancellationToken) =>
        InsertAsync(InsertStatement, insert => Bind(insert, phoneNumber), phoneNumber.CreatedAt, cancellationToken);

    public Task<WriteOutcome> UpdateAsync(PhoneNumberRecord phoneNumber, CancellationToken cancellationToken) =>
        WriteAsync(UpdateStatement, update => Bind(update, phoneNumber), cancellationToken);

    private static void Bind(SqliteCommand command, PhoneNumberRecord phoneNumber)
    {
        command.Bind("$sid", phoneNumber.Sid);
        command.Bind("$account", phoneNumber.AccountSid);
        command.Bind("$number", phoneNumber.Number);
        command.Bind("$key", PhoneNumberKey.Of(phoneNumber.Number));
        command.Bind("$application", phoneNumber.ApplicationSid);
        command.Bind("$carrier", phoneNumber.VoipCarrierSid);
        command.Bind("$callback", phoneNumber.CallbackUrl);
    }

    private static PhoneNumberRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.NullableString(3),
        reader.NullableString(4),
        reader.GetTime(5))
    {
        CallbackUrl = reader.NullableString(6),
    };
}
