using Microsoft.Data.Sqlite;
using Switchboard.Storage.Clients;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IClientStore"/> on the embedded database; usernames carry a server-wide unique index.</summary>
public sealed class SqliteClientStore(SqliteDatabase database) : IClientStore
{
    private const string Columns = "sid, account_sid, username, realm, md5_ha1, sha256_ha1, created_at";

    public async Task<ClientRecord?> FindByUsernameAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM clients WHERE username = $username";
        query.Bind("$username", username);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ClientRecord?> FindAsync(string accountSid, string clientSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM clients WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", clientSid);
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> CreateAsync(ClientRecord client, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO clients ({Columns}) VALUES ($sid, $account, $username, $realm, $md5, $sha256, $created)";
        Bind(insert, client);
        insert.Bind("$created", SqliteValues.FormatTime(client.CreatedAt));
        return await SqliteCommands.WriteAsync(insert, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> UpdateAsync(ClientRecord client, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE clients SET username = $username, realm = $realm, md5_ha1 = $md5, sha256_ha1 = $sha256
            WHERE sid = $sid AND account_sid = $account
            """;
        Bind(update, client);
        return await SqliteCommands.WriteAsync(update, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> DeleteAsync(string accountSid, string clientSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM clients WHERE sid = $sid AND account_sid = $account";
        delete.Bind("$sid", clientSid);
        delete.Bind("$account", accountSid);
        return await SqliteCommands.WriteAsync(delete, referencesMeanInUse: false, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<ClientRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns}, rowid FROM clients WHERE account_sid = $account AND {SqlitePaging.Clause}";
        query.Bind("$account", accountSid);
        return await SqlitePaging.ReadAsync(query, page, Read, cancellationToken).ConfigureAwait(false);
    }



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
