using System;
using System.Collections.Generic;
using System.Globalization;

namespace Rivya.Sdk.Validation;

/// <summary>Checks each set parameter against its catalogue entry; allocates only when it finds an error.</summary>
internal struct ValidatingVisitor : IParameterVisitor
{
    public List<ValidationError>? Errors;

    public void Select(ModelParameter parameter, string? value)
    {
        if (value is not null && parameter.IndexOfOption(value) < 0)
        {
            NotAnOption(parameter, value);
        }
    }

    public void Select(ModelParameter parameter, int? value)
    {
        if (value is { } number && parameter.IndexOfOption(number) < 0)
        {
            NotAnOption(parameter, number.ToString(CultureInfo.InvariantCulture));
        }
    }

    public void Select(ModelParameter parameter, bool? value)
    {
        if (value is { } flag && parameter.IndexOfOption(flag) < 0)
        {
            NotAnOption(parameter, flag ? "true" : "false");
        }
    }

    public void Number(ModelParameter parameter, double? value)
    {
        if (value is { } number && !parameter.IsAllowed(number))
        {
            Add(parameter.Path, FormattableString.Invariant($"must be a finite number from {parameter.Minimum} to {parameter.Maximum} inclusive; got {number}."));
        }
    }

    public readonly void Text(ModelParameter parameter, string? value)
    {
        // Free text: any value the server accepts; nothing to check.
    }

    public void Add(string path, string message) => (Errors ??= []).Add(new ValidationError(path, message));

    private void NotAnOption(ModelParameter parameter, string value) =>
        Add(parameter.Path, $"must be one of {parameter.OptionsText}; got '{value}'.");
}
