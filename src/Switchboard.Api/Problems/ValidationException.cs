namespace Switchboard.Api.Problems;

/// <summary>Thrown inside request readers to stop at the first invalid field; endpoints turn it into a 400.</summary>
public sealed class ValidationException(ValidationError error) : Exception(error.Field + ": " + error.Message)
{
    public ValidationError Error { get; } = error;

    public ValidationException(string field, string message)
        : this(new ValidationError(field, message))
    {
    }
}
