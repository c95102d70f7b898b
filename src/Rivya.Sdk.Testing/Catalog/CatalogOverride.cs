using System.Text;
using System.Threading;

namespace Rivya.Sdk.Testing.Catalog;

/// <summary>
/// What <c>GET /api/v1/models</c> answers: the SDK's own <see cref="ModelCatalog"/> in the documented shape, unless a
/// test has set <see cref="FakeRivyaServer.ModelCatalogJson"/> to a catalogue of its own (a changed price, a retired
/// model, a new one).
/// </summary>
internal sealed class CatalogOverride
{
    private static readonly byte[] BuiltIn = CatalogJsonWriter.Write(ModelCatalog.All);

    private byte[] _current = BuiltIn;

    public byte[] Current => Volatile.Read(ref _current);

    public string Json
    {
        get => Encoding.UTF8.GetString(Current);
        set => Volatile.Write(ref _current, value is null ? BuiltIn : Encoding.UTF8.GetBytes(value));
    }
}
