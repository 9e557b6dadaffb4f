using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;

namespace Dragoman.Tests.Storage;

/// <summary>Both stores read events with the one <see cref="EventRows.Read{T}"/>, so their selects must list the same columns in the same order.</summary>
public class EventRowsTests
{
    [Fact]
    public void Both_stores_select_the_same_event_columns_in_the_same_order()
    {
        var sqlite = SqliteColumns.EventFieldColumns.Select(c => c.Name).ToArray();
        var postgres = PostgresColumns.EventFieldColumns.Select(c => c.Name).ToArray();
        Assert.True(sqlite.SequenceEqual(postgres),
            $"the shared reader would misread one store: sqlite [{string.Join(", ", sqlite)}] vs postgres [{string.Join(", ", postgres)}]");
        Assert.Equal(SqliteColumns.EventSelect, PostgresColumns.EventSelect);
    }
}
