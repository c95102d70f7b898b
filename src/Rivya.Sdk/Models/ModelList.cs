using System;
using System.Collections.Generic;

using Rivya.Sdk.Common;

namespace Rivya.Sdk;

/// <summary>The <c>{ "object": "list", "data": [...] }</c> envelope of <c>GET /api/v1/models</c>.</summary>
internal sealed class ModelList : ISecretMasked<ModelList>
{
    private IReadOnlyList<RivyaModel> _data = Array.Empty<RivyaModel>();

    public string? Object { get; set; }

    // "data": null reads as an empty list, not a null the caller would trip over.
    public IReadOnlyList<RivyaModel> Data { get => _data; set => _data = value ?? Array.Empty<RivyaModel>(); }

    // Freshly parsed and never shared: masked in place.
    public ModelList MaskSecret(string secret)
    {
        var models = new RivyaModel[_data.Count];
        for (var i = 0; i < models.Length; i++)
        {
            models[i] = SecretMasking.Apply(_data[i], secret);
        }

        _data = models;
        return this;
    }
}
