using System.Text.Json;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Carriers;
using Switchboard.Storage.Paging;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IVoipCarrierStore"/> on the embedded database; the inbound allow list is a JSON array column.</summary>
public sealed class SqliteVoipCarrierStore(SqliteDatabase database) : IVoipCarrierStore
{
    private const string Columns = """
        sid, account_sid, name, host, port, transport, username, password, register, tech_prefix,
        e164_leading_plus, inbound_allow_list, created_at
        """;

    public async Task<VoipCarrierRecord?> FindByNameAsync(string accountSid, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM voip_carriers WHERE name = $name AND account_sid = $account";
        query.Bind("$name", name);
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<VoipCarrierRecord?> FindAsync(string accountSid, string carrierSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM voip_carriers WHERE sid = $sid AND account_sid = $account";
        query.Bind("$sid", carrierSid);
        query.Bind("$account", accountSid);
        return await SqliteCommands.ReadSingleAsync(query, Read, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<VoipCarrierRecord>> ListAllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns} FROM voip_carriers ORDER BY rowid";
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var carriers = new List<VoipCarrierRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            carriers.Add(Read(reader));
        }

        return carriers;
    }

    public async Task<WriteOutcome> CreateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            INSERT INTO voip_carriers ({Columns}) VALUES (
                $sid, $account, $name, $host, $port, $transport, $username, $password, $register, $prefix, $plus, $allow, $created)
            """;
        Bind(insert, carrier);
        insert.Bind("$created", SqliteValues.FormatTime(carrier.CreatedAt));
        return await SqliteCommands.WriteAsync(insert, referencesMeanInUse: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> UpdateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE voip_carriers SET name = $name, host = $host, port = $port, transport = $transport, username = $username,
                password = $password, register = $register, tech_prefix = $prefix, e164_leading_plus = $plus,
                inbound_allow_list = $allow
            WHERE sid = $sid AND account_sid = $account
            """;
        Bind(update, carrier);
        return await SqliteCommands.WriteAsync(update, referencesMeanInUse: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> DeleteAsync(string accountSid, string carrierSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM voip_carriers WHERE sid = $sid AND account_sid = $account";
        delete.Bind("$sid", carrierSid);
        delete.Bind("$account", accountSid);
        return await SqliteCommands.WriteAsync(delete, referencesMeanInUse: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<VoipCarrierRecord>> ListAsync(string accountSid, PageRequest page, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = $"SELECT {Columns}, rowid FROM voip_carriers WHERE account_sid = $account AND {SqlitePaging.Clause}";
        query.Bind("$account", accountSid);
        return await SqlitePaging.ReadAsync(query, page, Read, cancellationToken).ConfigureAwait(false);
    }



    private static void Bind(SqliteCommand command, VoipCarrierRecord carrier)
    {
        command.Bind("$sid", carrier.Sid);
        command.Bind("$account", carrier.AccountSid);
        command.Bind("$name", carrier.Name);
        command.Bind("$host", carrier.Host);
        command.Bind("$port", carrier.Port);
        command.Bind("$transport", carrier.Transport);
        command.Bind("$username", carrier.Username);
        command.Bind("$password", carrier.Password);
        command.Bind("$register", carrier.Register);
        command.Bind("$prefix", carrier.TechPrefix);
        command.Bind("$plus", carrier.E164LeadingPlus);
        command.Bind("$allow", JsonSerializer.Serialize(carrier.InboundAllowList.ToArray(), SqliteJsonContext.Default.StringArray));
    }

    private static VoipCarrierRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.GetString(5),
        reader.NullableString(6),
        reader.NullableString(7),
        reader.GetBoolean(8),
        reader.NullableString(9),
        reader.GetBoolean(10),
        JsonSerializer.Deserialize(reader.GetString(11), SqliteJsonContext.Default.StringArray) ?? [],
        reader.GetTime(12));
}
