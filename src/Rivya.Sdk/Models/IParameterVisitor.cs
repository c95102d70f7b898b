namespace Rivya.Sdk;

/// <summary>
/// Walks the typed properties of a parameter record against their catalogue entries. The JSON writer and the
/// validator are the two visitors; they are structs passed by reference so a walk allocates nothing.
/// </summary>
internal interface IParameterVisitor
{
    void Select(ModelParameter parameter, string? value);

    void Select(ModelParameter parameter, int? value);

    void Select(ModelParameter parameter, bool? value);

    void Number(ModelParameter parameter, double? value);

    void Text(ModelParameter parameter, string? value);
}
