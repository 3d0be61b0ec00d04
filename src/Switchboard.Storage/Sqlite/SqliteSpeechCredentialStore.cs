using Microsoft.Data.Sqlite;
using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Storage.Sqlite;

/// <summary>
/// <see cref="ISpeechCredentialStore"/> on the embedded database. A unique index on the account, vendor and label
/// (a missing label counted as one value) lets the database refuse a second credential a recognizer could not tell apart.
/// </summary>
public sealed class SqliteSpeechCredentialStore(SqliteDatabase database)
    : SqliteResourceStore<SpeechCredentialRecord>(database, "speech_credentials", Columns, Read, referencesMeanInUse: false), ISpeechCredentialStore
{
    private const string Columns = "sid, account_sid, vendor, label, api_key, base_url, model, use_for_stt, created_at";

    private const string InsertStatement = $"""
        INSERT INTO speech_credentials ({Columns}) VALUES (
            $sid, $account, $vendor, $label, $key, $baseUrl, $model, $stt, $created)
        """;

    private const string UpdateStatement = """
        UPDATE speech_credentials SET vendor = $vendor, label = $label, api_key = $key, base_url = $baseUrl,
            model = $model, use_for_stt = $stt
        WHERE sid = $sid AND account_sid = $account
        """;

    // The labelled ones sort after the unlabelled one, so a null label finds that, else the first made.
    private const string ForRecognition = """
        account_sid = $account AND vendor = $vendor AND use_for_stt = 1 AND ($label IS NULL OR label = $label)
        ORDER BY label IS NOT NULL, rowid LIMIT 1
        """;

    public Task<SpeechCredentialRecord?> FindAsync(string accountSid, string vendor, string? label, CancellationToken cancellationToken) => FindWhereAsync(
        ForRecognition,
        query =>
        {
            query.Bind("$account", accountSid);
            query.Bind("$vendor", vendor);
            query.Bind("$label", label);
        },
        cancellationToken);

    public Task<WriteOutcome> CreateAsync(SpeechCredentialRecord credential, CancellationToken cancellationToken) =>
        InsertAsync(InsertStatement, insert => Bind(insert, credential), credential.CreatedAt, cancellationToken);

    public Task<WriteOutcome> UpdateAsync(SpeechCredentialRecord credential, CancellationToken cancellationToken) =>
        WriteAsync(UpdateStatement, update => Bind(update, credential), cancellationToken);

    private static void Bind(SqliteCommand command, SpeechCredentialRecord credential)
    {
        command.Bind("$sid", credential.Sid);
        command.Bind("$account", credential.AccountSid);
        command.Bind("$vendor", credential.Vendor);
        command.Bind("$label", credential.Label);
        command.Bind("$key", credential.ApiKey);
        command.Bind("$baseUrl", credential.BaseUrl);
        command.Bind("$model", credential.Model);
        command.Bind("$stt", credential.UseForStt);
    }

    private static SpeechCredentialRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.NullableString(3),
        reader.NullableString(4),
        reader.NullableString(5),
        reader.NullableString(6),
        reader.GetBoolean(7),
        reader.GetTime(8));
}
