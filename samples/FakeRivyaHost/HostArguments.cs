using System.Globalization;
using Rivya.Sdk.Testing;

/// <summary>The command line of FakeRivyaHost: <c>[--port N] [--api-key KEY] [--processing-time SECONDS] [--fault-rate 0..1] [--seed N]</c>.</summary>
internal sealed record HostArguments(int Port, string ApiKey, TimeSpan ProcessingTime, double FaultRate, int Seed)
{
    public const string Usage =
        "usage: FakeRivyaHost [--port N (0 = any free port; default 0)] [--api-key KEY (default " + FakeRivyaServerOptions.DefaultApiKey + ")]\n" +
        "                     [--processing-time SECONDS (default 0)] [--fault-rate 0..1 (default 0)] [--seed N (default 1)]";

    /// <summary>Reads the arguments; null (with the reason in <paramref name="error"/>) when one is unknown or out of range.</summary>
    public static HostArguments? Parse(string[] args, out string error)
    {
        var parsed = new HostArguments(0, FakeRivyaServerOptions.DefaultApiKey, TimeSpan.Zero, 0, 1);
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                error = $"{name}: a value is required.";
                return null;
            }

            var value = args[++i];
            var inv = CultureInfo.InvariantCulture;
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, inv, out var port) && port <= 65535:
                    parsed = parsed with { Port = port };
                    break;
                case "--api-key" when !string.IsNullOrWhiteSpace(value):
                    parsed = parsed with { ApiKey = value };
                    break;
                case "--processing-time" when double.TryParse(value, NumberStyles.Float, inv, out var seconds) && seconds is >= 0 and <= 86400:
                    parsed = parsed with { ProcessingTime = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--fault-rate" when double.TryParse(value, NumberStyles.Float, inv, out var rate) && rate is >= 0 and <= 1:
                    parsed = parsed with { FaultRate = rate };
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, inv, out var seed):
                    parsed = parsed with { Seed = seed };
                    break;
                default:
                    error = $"{name} {value}: unknown option or value out of range.";
                    return null;
            }
        }

        return parsed;
    }
}
