using Microsoft.Extensions.Diagnostics.HealthChecks;
using Switchboard.Calls.Engine;

namespace Switchboard.Server.Hosting;

/// <summary>Not ready once shutdown began: the engine takes no new calls while live ones finish.</summary>
internal sealed class DrainingHealthCheck(CallEngine engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.Admission.IsAdmitting
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"shutting down: {engine.LiveCallCount} live calls finishing"));
}
