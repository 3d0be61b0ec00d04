using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Storage.Resilience;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Not ready while the store refuses writes (they wait in memory until it recovers) or the database does not
/// answer a query within <see cref="Patience"/>.
/// </summary>
internal sealed class StorageHealthCheck(StorageHealthCheck.DatabaseFile file, DeferredWrites writes) : IHealthCheck
{
    /// <summary>How long the probe query may take; a database slower than this cannot take calls either.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (writes.Problem is { } problem)
        {
            return HealthCheckResult.Unhealthy($"storage refuses writes ({problem}); {writes.Count} kept in memory until it recovers");
        }

        try
        {
            await ProbeAsync(cancellationToken).WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
        catch (Exception unreachable) when (unreachable is TimeoutException or SqliteException or IOException || StorageFailures.IsRetryable(unreachable))
        {
            return HealthCheckResult.Unhealthy($"storage unreachable: {unreachable.Message}");
        }
    }

    // A connection of its own, not from the pool: a pooled one keeps the file it opened long ago, and the question is
    // whether the database can be opened and read now.
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = file.Path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM accounts;";
        await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Where the SQLite database is.</summary>
    public sealed record DatabaseFile(string Path);
}
