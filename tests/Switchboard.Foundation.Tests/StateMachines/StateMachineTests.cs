using Microsoft.Extensions.Logging;
using Switchboard.Foundation.StateMachines;

namespace Switchboard.Foundation.Tests.StateMachines;

public sealed class StateMachineTests
{
    private enum Light
    {
        Red,
        Green,
        Amber,
    }

    private static readonly TransitionTable<Light> Lights = TransitionTable<Light>.Declare("light")
        .Allow(Light.Red, Light.Green)
        .Allow(Light.Green, Light.Amber)
        .Allow(Light.Amber, Light.Red)
        .Build();

    [Fact]
    public void ALegalEdge_Moves()
    {
        var machine = new StateMachine<Light>(Lights, Light.Red, new ListLogger());

        Assert.True(machine.TryTransitionTo(Light.Green));
        Assert.Equal(Light.Green, machine.Current);
    }

    [Fact]
    public void AnIllegalEdge_StaysPut_AndIsLoggedAndCounted()
    {
        var logger = new ListLogger();
        var machine = new StateMachine<Light>(Lights, Light.Red, logger);
        var before = StateMachineMetrics.IllegalTransitions;

        Assert.False(machine.TryTransitionTo(Light.Amber));

        Assert.Equal(Light.Red, machine.Current);
        Assert.True(StateMachineMetrics.IllegalTransitions > before);
        Assert.Equal("light: refused the illegal transition Red → Amber", Assert.Single(logger.Lines));
    }

    [Fact]
    public void AnEdgeDeclaredTwice_IsRejectedWhenTheTableIsBuilt()
    {
        var builder = TransitionTable<Light>.Declare("light").Allow(Light.Red, Light.Green);

        Assert.Throws<ArgumentException>(() => builder.Allow(Light.Red, Light.Green));
    }

    [Fact]
    public void TheTable_ListsExactlyTheDeclaredEdges()
    {
        Assert.Equal(
            new HashSet<(Light, Light)> { (Light.Red, Light.Green), (Light.Green, Light.Amber), (Light.Amber, Light.Red) },
            Lights.Edges);
    }

    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
