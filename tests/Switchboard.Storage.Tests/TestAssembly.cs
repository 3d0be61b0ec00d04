// The stores' tests clear SQLite's connection pools when they end (SqliteConnection.ClearAllPools, the only way to
// let go of a deleted file's pooled handles), which is process-wide: run in parallel, one class's clearing disposed
// another's open connections. They take about two seconds one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
