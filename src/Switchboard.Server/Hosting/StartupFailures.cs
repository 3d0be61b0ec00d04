using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Switchboard.Server.Configuration;

namespace Switchboard.Server.Hosting;

/// <summary>
/// Turns what the operating system or SQLite says at start into one line a person can act on: the setting, its
/// value, and what is wrong with it.
/// </summary>
internal static class StartupFailures
{
    /// <summary>Whether <paramref name="exception"/> is a start-up failure <see cref="StartupFailures"/> can explain.</summary>
    public static bool IsFileProblem(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SqliteException;

    public static StartupException DataDirectory(string path, Exception problem) =>
        new($"{Names("--data")}: '{Path.GetFullPath(path)}' cannot be used as the data directory: {Reason(problem)}", problem);

    public static StartupException Database(string path, Exception problem) =>
        new($"{Names("--data")}: the database '{Path.GetFullPath(path)}' cannot be opened: {Reason(problem)}", problem);

    /// <summary>Whether <paramref name="exception"/> is a failure to listen, so <see cref="Listen"/> can explain it.</summary>
    public static bool IsBindProblem(Exception exception) => FindSocketError(exception) is not null;

    public static StartupException Listen(string flag, IPEndPoint endPoint, Exception problem)
    {
        var reason = FindSocketError(problem)?.SocketErrorCode switch
        {
            SocketError.AddressAlreadyInUse => "the port is in use by another program",
            SocketError.AddressNotAvailable => $"{endPoint.Address} is not an address of this machine",
            SocketError.AccessDenied => "listening there is not permitted (ports below 1024 need root or CAP_NET_BIND_SERVICE)",
            _ => Reason(problem),
        };
        return new StartupException($"{Names(flag)}: cannot listen on {endPoint}: {reason}", problem);
    }

    private static SocketException? FindSocketError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    // The innermost message says what the system said (e.g. "Not a directory"), without the wrappers' repetition.
    private static string Reason(Exception problem)
    {
        var innermost = problem;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost.Message.ReplaceLineEndings(" ").Trim();
    }

    private static string Names(string flag) => SettingsCatalog.All.Single(setting => setting.Flag == flag).Names;
}
