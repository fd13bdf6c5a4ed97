using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace MixpanelSync.Silo.Storage;

/// <summary>
/// Keeps the Data Protection key ring in PostgreSQL, so every silo of a cluster can decrypt a project token that
/// another silo encrypted.
/// </summary>
internal sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
{
    private const string CreateTable = """
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            friendly_name text PRIMARY KEY,
            xml text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        """;

    private readonly Lazy<bool> _created = new(() => Execute(connectionString, CreateTable, null, null));

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = _created.Value;
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY created_at", connection);
        using var reader = command.ExecuteReader();

        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        _ = _created.Value;
        Execute(
            connectionString,
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml) "
                + "ON CONFLICT (friendly_name) DO NOTHING;",
            friendlyName,
            element.ToString(SaveOptions.DisableFormatting));
    }

    private static bool Execute(string connectionString, string sql, string? name, string? xml)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        if (name is not null)
        {
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("xml", xml ?? "");
        }

        command.ExecuteNonQuery();
        return true;
    }
}
