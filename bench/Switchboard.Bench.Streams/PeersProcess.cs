using System.Diagnostics;
using System.Reflection;

namespace Switchboard.Bench.Streams;

/// <summary>This program started again as <see cref="Peers"/>, and the lines it says.</summary>
internal sealed class PeersProcess : IDisposable
{
    private readonly Process _process;

    private PeersProcess(Process process) => _process = process;

    public static PeersProcess Start(int streams, string agent)
    {
        var path = Environment.ProcessPath!;
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Run through `dotnet x.dll` the program is the dll; as its own executable it is the path itself.
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { "--role", "peers", "--streams", streams.ToString(), "--agent", agent })
        {
            info.ArgumentList.Add(argument);
        }

        return new PeersProcess(Process.Start(info)!);
    }

    public void Say(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>The next line whose first word is <paramref name="word"/>, without it.</summary>
    public string Await(string word)
    {
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            if (line == word || line.StartsWith(word + " ", StringComparison.Ordinal))
            {
                return line[word.Length..].Trim();
            }
        }

        throw new InvalidOperationException($"the peers process ended before it said '{word}'");
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
