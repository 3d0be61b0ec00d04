using Microsoft.Data.Sqlite;
using Switchboard.Storage.Clients;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IClientStore"/> on the embedded database; usernames carry a server-wide unique index.</summary>
public sealed class SqliteClientStore(SqliteDatabase database)
    : SqliteResourceStore<ClientRecord>(database, "clients", Columns, Read, referencesMeanInUse: false), IClientStore
{
    private const string Columns = "sid, account_sid, username, realm, md5_ha1, sha256_ha1, created_at";

    private const string InsertStatement =
        $"INSERT INTO clients ({Columns}) VALUES ($sid, $account, $username, $realm, $md5, $sha256, $created)";

    private const string UpdateStatement = """
        UPDATE clients SET username = $username, realm = $realm, md5_ha1 = $md5, sha256_ha1 = $sha256
        WHERE sid = $sid AND account_sid = $account
        """;

    public Task<ClientRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken) =>
        FindWhereAsync("username = $username", query => query.Bind("$username", username), cancellationToken);

    public Task<WriteOutcome> CreateAsync(ClientRecord client, CancellationToken cancellationToken) =>
        InsertAsync(InsertStatement, insert => Bind(insert, client), client.CreatedAt, cancellationToken);

    public Task<WriteOutcome> UpdateAsync(ClientRecord client, CancellationToken cancellationToken) =>
        WriteAsync(UpdateStatement, update => Bind(update, client), cancellationToken);

    private static void Bind(SqliteCommand command, ClientRecord client)
    {
        command.Bind("$sid", client.Sid);
        command.Bind("$account", client.AccountSid);
        command.Bind("$username", client.Username);
        command.Bind("$realm", client.Realm);
        command.Bind("$md5", client.Md5Ha1);
        command.Bind("$sha256", client.Sha256Ha1);
    }

    private static ClientRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        (byte[])reader.GetValue(4),
        (byte[])reader.GetValue(5),
        reader.GetTime(6));
}
