using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.V1.Calls;

/// <summary>Reads a Calls API target (<c>to</c> of a call, an entry of a <c>dial</c>'s <c>target</c>).</summary>
public static class CallToReader
{
    /// <exception cref="ValidationException">The type is unknown or its address is missing or invalid.</exception>
    public static CallTo Read(JsonElement to, string path)
    {
        var type = JsonFields.RequireString(to, "type", path + ".type");
        var trunk = JsonFields.OptionalString(to, "trunk", path + ".trunk");
        switch (type)
        {
            case "phone":
                var number = JsonFields.RequireString(to, "number", path + ".number");
                if (!SipSyntax.IsPhoneNumber(number))
                {
                    throw new ValidationException(path + ".number", "must be digits with an optional leading '+'");
                }

                return new CallTo(type, number, trunk, null, null);
            case "sip":
                var uri = JsonFields.RequireString(to, "sipUri", path + ".sipUri");
                if (!SipSyntax.IsSipUri(uri))
                {
                    throw new ValidationException(path + ".sipUri", "must be a sip: or sips: URI such as sip:alice@example.com");
                }

                return new CallTo(type, null, trunk, uri, null);
            case "user":
                // jambonz writes a client as user@domain (its SIP realm); the user name is what identifies it here.
                var written = JsonFields.RequireString(to, "name", path + ".name");
                var name = written.Split('@')[0];
                if (!SipSyntax.IsUser(name))
                {
                    throw new ValidationException(path + ".name", "must be a SIP client's user name");
                }

                return new CallTo(type, null, trunk, null, name);
            default:
                throw new ValidationException(path + ".type", $"unknown type '{type}' (expected phone, sip or user)");
        }
    }
}
