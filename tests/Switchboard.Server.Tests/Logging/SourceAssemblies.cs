using System.Reflection;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Tests.Logging;

/// <summary>
/// Every project under src/, loaded from this test's output directory, and the log messages they declare.
/// The list comes from the source tree, not from this project's references, so a new project that the server does
/// not reference yet fails here instead of being skipped.
/// </summary>
static class SourceAssemblies
{
    public static IReadOnlyList<Assembly> Load()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var assemblies = new List<Assembly>();
        foreach (var project in Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories))
        {
            var name = AssemblyName(project);
            var path = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            Assert.True(File.Exists(path), $"{Path.GetFileName(project)} is not in the test's output: reference it from Switchboard.Server.Tests");
            assemblies.Add(Assembly.Load(new AssemblyName(name)));
        }

        return assemblies;
    }

    public static IReadOnlyList<LogMessageDeclaration> LogMessages(IEnumerable<Assembly> assemblies)
    {
        const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        return
        [
            .. from assembly in assemblies
               from type in assembly.GetTypes()
               from method in type.GetMethods(Declared)
               let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
               where attribute is not null
               orderby attribute.EventId
               select new LogMessageDeclaration(attribute.EventId, type.Namespace ?? "", $"{type.FullName}.{method.Name}"),
        ];
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Switchboard.slnx not found above the test directory");
    }

    private static string AssemblyName(string project)
    {
        var declared = XDocument.Load(project).Descendants("AssemblyName").Select(e => e.Value.Trim()).FirstOrDefault();
        return string.IsNullOrEmpty(declared) ? Path.GetFileNameWithoutExtension(project) : declared;
    }
}
