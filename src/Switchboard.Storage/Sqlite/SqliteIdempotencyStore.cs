using Microsoft.Data.Sqlite;
using Switchboard.Storage.Idempotency;

namespace Switchboard.Storage.Sqlite;

/// <summary><see cref="IIdempotencyStore"/> on the embedded database.</summary>
public sealed class SqliteIdempotencyStore(SqliteDatabase database) : IIdempotencyStore
{
    public async Task<IdempotencyClaim> ClaimAsync(string accountSid, string scope, string key, byte[] requestHash, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var expire = connection.CreateCommand())
        {
            expire.Transaction = transaction;
            expire.CommandText = "DELETE FROM idempotency_keys WHERE created_at < $cutoff";
            expire.Bind("$cutoff", SqliteValues.FormatTime(now - window));
            await expire.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var claim = connection.CreateCommand())
        {
            claim.Transaction = transaction;
            claim.CommandText = """
                INSERT INTO idempotency_keys (account_sid, scope, key, request_hash, created_at) VALUES ($account, $scope, $key, $hash, $now)
                ON CONFLICT (account_sid, scope, key) DO NOTHING
                """;
            BindKey(claim, accountSid, scope, key);
            claim.Bind("$hash", requestHash);
            claim.Bind("$now", SqliteValues.FormatTime(now));
            if (await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new IdempotencyClaim(IdempotencyClaimState.Claimed, requestHash, null);
            }
        }

        await using var query = connection.CreateCommand();
        query.Transaction = transaction;
        query.CommandText = "SELECT request_hash, status, content_type, body FROM idempotency_keys WHERE account_sid = $account AND scope = $scope AND key = $key";
        BindKey(query, accountSid, scope, key);
        var held = await SqliteCommands.ReadSingleAsync(
            query,
            reader => reader.IsDBNull(1)
                ? new IdempotencyClaim(IdempotencyClaimState.InProgress, (byte[])reader.GetValue(0), null)
                : new IdempotencyClaim(
                    IdempotencyClaimState.Completed,
                    (byte[])reader.GetValue(0),
                    new StoredResponse(reader.GetInt32(1), reader.NullableString(2), reader.IsDBNull(3) ? [] : (byte[])reader.GetValue(3))),
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return held ?? throw new InvalidOperationException("the idempotency key vanished inside its transaction");
    }

    public async Task CompleteAsync(string accountSid, string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var complete = connection.CreateCommand();
        complete.CommandText = """
            UPDATE idempotency_keys SET status = $status, content_type = $type, body = $body
            WHERE account_sid = $account AND scope = $scope AND key = $key
            """;
        BindKey(complete, accountSid, scope, key);
        complete.Bind("$status", response.StatusCode);
        complete.Bind("$type", response.ContentType);
        complete.Bind("$body", response.Body);
        await complete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(string accountSid, string scope, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var release = connection.CreateCommand();
        release.CommandText = "DELETE FROM idempotency_keys WHERE account_sid = $account AND scope = $scope AND key = $key";
        BindKey(release, accountSid, scope, key);
        await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> ReleaseUnansweredAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var release = connection.CreateCommand();
        release.CommandText = "DELETE FROM idempotency_keys WHERE status IS NULL";
        return await release.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void BindKey(SqliteCommand command, string accountSid, string scope, string key)
    {
        command.Bind("$account", accountSid);
        command.Bind("$scope", scope);
        command.Bind("$key", key);
    }
}
