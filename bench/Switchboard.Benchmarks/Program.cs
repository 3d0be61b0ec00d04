using BenchmarkDotNet.Running;

namespace Switchboard.Benchmarks;

/// <summary>Runs the benchmarks named on the command line, e.g. <c>--filter '*Sip*'</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
