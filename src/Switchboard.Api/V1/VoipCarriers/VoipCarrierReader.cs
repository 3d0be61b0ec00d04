using System.Text.Json;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Carriers;

namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>
/// Reads a carrier body onto a record. Creating, <c>name</c> and <c>host</c> are required; updating, an absent
/// field keeps its value. jambonz's names are accepted as aliases: <c>requires_register</c>, <c>register_username</c>,
/// <c>register_password</c>.
/// </summary>
public static class VoipCarrierReader
{
    public const int DefaultPort = 5060;
    private const int MaxNameLength = 64;
    private const int MaxHostLength = 253;
    private const int MaxCredentialLength = 128;
    private const int MaxTechPrefixLength = 16;

    public static VoipCarrierRecord Blank(string accountSid, DateTimeOffset createdAt) => new(
        Guid.NewGuid().ToString(), accountSid, string.Empty, string.Empty, DefaultPort, "udp",
        null, null, false, null, false, [], createdAt);

    /// <exception cref="ValidationException">A field is missing or invalid.</exception>
    public static VoipCarrierRecord Read(JsonElement body, VoipCarrierRecord current, bool creating)
    {
        var username = V1Fields.NameOrAlias(body, "username", "register_username");
        var password = V1Fields.NameOrAlias(body, "password", "register_password");
        var register = V1Fields.NameOrAlias(body, "register", "requires_register");
        var carrier = current with
        {
            Name = creating || V1Fields.Has(body, "name") ? V1Fields.RequireText(body, "name", MaxNameLength) : current.Name,
            Host = creating || V1Fields.Has(body, "host") ? Host(V1Fields.RequireText(body, "host", MaxHostLength)) : current.Host,
            Port = V1Fields.Has(body, "port") ? V1Fields.OptionalInteger(body, "port", 1, 65535) ?? DefaultPort : current.Port,
            Transport = V1Fields.Has(body, "transport") ? Transport(body) : current.Transport,
            Username = V1Fields.Has(body, username) ? V1Fields.OptionalText(body, username, MaxCredentialLength) : current.Username,
            Password = V1Fields.Has(body, password) ? V1Fields.OptionalText(body, password, MaxCredentialLength) : current.Password,
            Register = V1Fields.OptionalFlag(body, register) ?? current.Register,
            TechPrefix = V1Fields.Has(body, "tech_prefix") ? TechPrefix(body) : current.TechPrefix,
            E164LeadingPlus = V1Fields.OptionalFlag(body, "e164_leading_plus") ?? current.E164LeadingPlus,
            InboundAllowList = V1Fields.Has(body, "inbound_allow_list") ? AllowListReader.Read(body) : current.InboundAllowList,
        };
        if (carrier.Register && (carrier.Username is null || carrier.Password is null))
        {
            // Name the missing field in the vocabulary the request used.
            var jambonzNames = register != "register";
            var missing = carrier.Username is null
                ? (jambonzNames ? "register_username" : username)
                : (jambonzNames ? "register_password" : password);
            throw new ValidationException(missing, "is required when register is true");
        }

        return carrier.Password is not null && carrier.Username is null
            ? throw new ValidationException(username, "is required with a password")
            : carrier;
    }

    private static string Host(string host) =>
        Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? host
            : throw new ValidationException("host", "must be a host name or an IP address");

    private static string Transport(JsonElement body) =>
        JsonFields.OptionalString(body, "transport", "transport")?.ToLowerInvariant() switch
        {
            null or "udp" => "udp",
            "tcp" => "tcp",
            _ => throw new ValidationException("transport", "must be udp or tcp"),
        };

    private static string? TechPrefix(JsonElement body)
    {
        var prefix = V1Fields.OptionalText(body, "tech_prefix", MaxTechPrefixLength);
        return prefix is null || !prefix.AsSpan().ContainsAnyExcept("0123456789*#+")
            ? prefix
            : throw new ValidationException("tech_prefix", "must be digits, *, # or +");
    }
}
