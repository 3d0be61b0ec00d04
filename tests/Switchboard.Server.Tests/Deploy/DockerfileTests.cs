using System.Text.RegularExpressions;

namespace Switchboard.Server.Tests.Deploy;

/// <summary>
/// deploy/Dockerfile and compose.yaml, read as text: Docker is not on the test machines, so these check what can go
/// stale without it (the project it publishes, the packages ./run needs, the user and the data volume).
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void TheImage_PublishesTheServer_WithWhatRunInstalls_AsANonRootUserWithTheDataOnAVolume()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));

        var project = Regex.Match(dockerfile, @"dotnet publish (\S+\.csproj)").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(Root, project)), $"the Dockerfile publishes '{project}', which does not exist");
        Assert.Matches(@"(?m)^FROM debian:bookworm", dockerfile);
        var runScript = File.ReadAllText(Path.Combine(Root, "run"));
        var packages = Regex.Matches(runScript, @"missing\+=\(([a-z0-9.-]+)\)").Select(match => match.Groups[1].Value).ToList();
        Assert.NotEmpty(packages);
        Assert.All(packages, package => Assert.Matches($@"apt-get install[^\n]*\b{Regex.Escape(package)}\b", dockerfile));
        var user = Regex.Match(dockerfile, @"(?m)^USER (\S+)").Groups[1].Value;
        Assert.False(user is "" or "root" or "0", $"the image runs as '{user}'");
        var data = Regex.Match(dockerfile, @"SWITCHBOARD_DATA=(\S+)").Groups[1].Value;
        Assert.Matches($@"(?m)^VOLUME {Regex.Escape(data)}$", dockerfile);
        Assert.Matches(@"(?m)^ENTRYPOINT \[""/opt/switchboard/switchboard""\]", dockerfile);
    }

    [Fact]
    public void TheComposeFile_BuildsThatImage_AndKeepsTheDataOnAVolume()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "deploy", "compose.yaml"));
        var dockerfile = File.ReadAllText(Path.Combine(Root, "deploy", "Dockerfile"));

        Assert.Contains("dockerfile: deploy/Dockerfile", compose, StringComparison.Ordinal);
        var data = Regex.Match(dockerfile, @"SWITCHBOARD_DATA=(\S+)").Groups[1].Value;
        Assert.Matches($@"- \S+:{Regex.Escape(data)}\n", compose);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }
}
