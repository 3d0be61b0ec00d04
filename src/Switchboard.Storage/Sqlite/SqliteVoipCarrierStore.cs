using System.Text.Json;
using Microsoft.Data.Sqlite;
using Switchboard.Storage.Carriers;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IVoipCarrierStore"/> on the embedded database; the inbound allow list is a JSON array column.</summary>
public sealed class SqliteVoipCarrierStore(SqliteDatabase database)
    : SqliteResourceStore<VoipCarrierRecord>(database, "voip_carriers", Columns, Read, referencesMeanInUse: true), IVoipCarrierStore
{
    private const string Columns = """
        sid, account_sid, name, host, port, transport, username, password, register, tech_prefix,
        e164_leading_plus, inbound_allow_list, created_at
        """;

    private const string InsertStatement = $"""
        INSERT INTO voip_carriers ({Columns}) VALUES (
            $sid, $account, $name, $host, $port, $transport, $username, $password, $register, $prefix, $plus, $allow, $created)
        """;

    private const string UpdateStatement = """
        UPDATE voip_carriers SET name = $name, host = $host, port = $port, transport = $transport, username = $username,
            password = $password, register = $register, tech_prefix = $prefix, e164_leading_plus = $plus,
            inbound_allow_list = $allow
        WHERE sid = $sid AND account_sid = $account
        """;

    public Task<VoipCarrierRecord?> FindByNameAsync(string accountSid, string name, CancellationToken cancellationToken) => FindWhereAsync(
        "name = $name AND account_sid = $account",
        query =>
        {
            query.Bind("$name", name);
            query.Bind("$account", accountSid);
        },
        cancellationToken);

    public Task<IReadOnlyList<VoipCarrierRecord>> ListAllAsync(CancellationToken cancellationToken) => ListEveryAccountsAsync(cancellationToken);

    public Task<WriteOutcome> CreateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken) =>
        InsertAsync(InsertStatement, insert => Bind(insert, carrier), carrier.CreatedAt, cancellationToken);

    public Task<WriteOutcome> UpdateAsync(VoipCarrierRecord carrier, CancellationToken cancellationToken) =>
        WriteAsync(UpdateStatement, update => Bind(update, carrier), cancellationToken);

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
