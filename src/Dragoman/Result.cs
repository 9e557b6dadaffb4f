namespace Dragoman;

/// <summary>A value or a clear error, for parsing untrusted input without throwing deep inside.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, string? error) { Value = value; Error = error; }

    public T? Value { get; }
    public string? Error { get; }
    public bool IsOk => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(string error) => new(default, error);

    public static implicit operator Result<T>(T value) => Ok(value);
}
