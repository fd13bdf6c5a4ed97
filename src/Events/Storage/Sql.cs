using System.Data.Common;

namespace MixpanelSync.Events.Storage;

/// <summary>Builds ADO.NET commands with named parameters written as <c>@name</c> in the SQL text.</summary>
internal static class Sql
{
    public static DbCommand Command(
        DbTransaction transaction,
        string text,
        params (string Name, object? Value)[] parameters)
    {
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction has already completed.");
        var command = Command(connection, text, parameters);
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand Command(
        DbConnection connection,
        string text,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return command;
    }

    public static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>
    /// Adds one parameter per value and returns the comma-separated placeholders for an <c>IN (...)</c> list.
    /// </summary>
    public static string AddList<T>(DbCommand command, string prefix, IEnumerable<T> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = $"@{prefix}{names.Count}";
            AddParameter(command, name, value);
            names.Add(name);
        }

        return string.Join(", ", names);
    }

    public static string? NullableString(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DateTimeOffset FromMs(long epochMs) => DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
}
