using System.Reflection;
using System.Security.Cryptography;

namespace Switchboard.Server.WebConsole;

/// <summary>
/// The console's files (HTML, one stylesheet, ES modules), embedded in the server assembly under
/// <see cref="ResourcePrefix"/> and read once: nothing is fetched from elsewhere and nothing is built at run time.
/// </summary>
internal sealed class ConsoleAssets
{
    public const string ResourcePrefix = "console/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, ConsoleAsset> _byPath;

    private ConsoleAssets(Dictionary<string, ConsoleAsset> byPath) => _byPath = byPath;

    public IReadOnlyCollection<ConsoleAsset> All => _byPath.Values;

    public static ConsoleAssets Load(Assembly assembly)
    {
        var byPath = new Dictionary<string, ConsoleAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // The resource name is the file's path under Console/Assets; Windows builds spell it with backslashes.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var body = copy.ToArray();
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
            byPath[path] = new ConsoleAsset(path, ContentTypes.GetValueOrDefault(Path.GetExtension(path), "application/octet-stream"), body, etag);
        }

        return new ConsoleAssets(byPath);
    }

    public ConsoleAsset? Find(string path) => _byPath.GetValueOrDefault(path);
}
