using Npgsql;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// What <c>--db</c> may name for PostgreSQL: a keyword connection string (<c>Host=db;Username=u;Database=d</c>) or a URL
/// (<c>postgres://user:password@host:5432/database?sslmode=require</c>). Anything else is a SQLite file.
/// </summary>
public static class PostgresLocation
{
    public static bool IsPostgres(string db)
    {
        var s = db.TrimStart();
        return s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || (s.Contains('=', StringComparison.Ordinal) && s.Contains("host", StringComparison.OrdinalIgnoreCase)
                && !File.Exists(db) && TryKeywords(s));
    }

    private static bool TryKeywords(string s)
    {
        try { return !string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(s).Host); }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The Npgsql connection string for <paramref name="db"/>, or why it is not one.</summary>
    public static Result<string> ConnectionString(string db)
    {
        var s = db.Trim();
        if (!s.Contains("://", StringComparison.Ordinal))
        {
            try { return new NpgsqlConnectionStringBuilder(s).ConnectionString; }
            catch (ArgumentException ex) { return Result<string>.Fail($"not a PostgreSQL connection string: {ex.Message}"); }
        }
        if (!Uri.TryCreate(s, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
            return Result<string>.Fail($"'{Redact(s)}' is not a postgres:// URL");
        var b = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0) b.Port = uri.Port;
        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0) b.Username = Uri.UnescapeDataString(user[0]);
        if (user.Length > 1) b.Password = Uri.UnescapeDataString(user[1]);
        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0) b.Database = database;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                switch (key)
                {
                    case "sslmode": b.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true); break;
                    case "application_name": b.ApplicationName = value; break;
                    case "connect_timeout": b.Timeout = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
                    case "search_path": b.SearchPath = value; break;
                    default: return Result<string>.Fail($"postgres:// URL: the parameter '{key}' is not understood (sslmode, application_name, connect_timeout, search_path are)");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
            {
                return Result<string>.Fail($"postgres:// URL: '{key}={value}' is not valid: {ex.Message}");
            }
        }
        return b.ConnectionString;
    }

    /// <summary>The location without its password, for messages.</summary>
    public static string Redact(string db)
    {
        var s = db.Trim();
        if (s.Contains("://", StringComparison.Ordinal))
        {
            int at = s.IndexOf('@', StringComparison.Ordinal), scheme = s.IndexOf("://", StringComparison.Ordinal) + 3;
            int colon = at > 0 ? s.IndexOf(':', scheme) : -1;
            return colon > 0 && colon < at ? s[..(colon + 1)] + "***" + s[at..] : s;
        }
        try
        {
            var b = new NpgsqlConnectionStringBuilder(s);
            if (b.Password is not null) b.Password = "***";
            return b.ConnectionString;
        }
        catch (ArgumentException) { return s; }
    }
}
