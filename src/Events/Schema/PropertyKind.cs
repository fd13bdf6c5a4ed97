namespace MixpanelSync.Events.Schema;

/// <summary>The value type of a schema property, which the parser checks and converts to.</summary>
public enum PropertyKind
{
    /// <summary>A string of at most 255 characters; an integer is accepted and converted to its digits.</summary>
    Text,

    /// <summary>A whole number of at least 0, stored as <see cref="long"/>.</summary>
    NonNegativeInteger,

    /// <summary>A whole number of at least 1, stored as <see cref="long"/>.</summary>
    PositiveInteger,

    /// <summary>
    /// An amount of money of at least 0 in the currency's major unit, stored as <see cref="decimal"/>.
    /// </summary>
    Money,

    /// <summary>An ISO 4217 currency code of three letters, stored in upper case.</summary>
    CurrencyCode,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A list of at most 255 strings.</summary>
    TextList,
}
