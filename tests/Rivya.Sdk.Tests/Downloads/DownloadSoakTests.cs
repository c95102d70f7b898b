using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;

namespace Rivya.Sdk.Tests.Downloads;

/// <summary>
/// 100 downloads through a hostile result host (<see cref="SoakCdn"/>): seeded cuts, resets, 503s, stalls, ETag flips
/// and range-ignoring answers, with a strong ETag, a Last-Modified only or no validator. Each one ends with a file
/// byte-identical to exactly one version the host served, or a typed error and no file. Backoffs and stalls run on the
/// <see cref="Support.TestClock"/>, so the soak takes no wall time waiting.
/// </summary>
public sealed class DownloadSoakTests : DownloadTestBase
{
    private readonly ITestOutputHelper _output;

    public DownloadSoakTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Every_download_through_a_hostile_host_is_one_version_whole_or_a_typed_error_and_no_file()
    {
        using var cdn = new SoakCdn(Clock);
        var generation = RivyaModelFactory.Generation(id: "task_soak", status: GenerationStatus.Succeeded, primaryUrl: cdn.Address.AbsoluteUri);
        int succeeded = 0, failed = 0, fromALaterVersion = 0;

        for (var i = 0; i < 100; i++)
        {
            cdn.Begin(i);
            var path = PathOf($"soak-{i}.mp4");
            try
            {
                // Every fifth download may not retry at all, so the typed-error path (and its clean-up) is walked too.
                var options = new DownloadOptions { MaxRetries = i % 5 == 4 ? 0 : null };
                await Clock.RunSleepsAsync(Client.Generations.DownloadAsync(generation, path, options)).WaitAsync(Bound);
                var bytes = File.ReadAllBytes(path);
                cdn.Versions.Count(v => v.AsSpan().SequenceEqual(bytes)).Should().Be(1, "download {0} must be exactly one version served ({1} bytes; {2})", i, bytes.Length, string.Join(" | ", cdn.Log));
                fromALaterVersion += cdn.Versions[0].AsSpan().SequenceEqual(bytes) ? 0 : 1;
                succeeded++;
                File.Delete(path);
            }
            catch (RivyaException e) when (e is RivyaDownloadException or RivyaConnectionException)
            {
                failed++;
                _output.WriteLine($"download {i}: {e.GetType().Name}: {e.Message} [{string.Join(" | ", cdn.Log)}]");
                File.Exists(path).Should().BeFalse("download {0} failed ({1}) and must leave no file", i, e.Message);
            }

            FilesLeft().Should().BeEmpty("no temporary file outlives download {0}", i);
        }

        _output.WriteLine(
            $"soak: {succeeded} succeeded ({fromALaterVersion} of a later version), {failed} typed errors, {cdn.Requests} requests; faults: "
            + string.Join(", ", cdn.Faults.Select(f => $"{f.Key} {f.Value}")));
        (succeeded + failed).Should().Be(100);
        succeeded.Should().BeGreaterThanOrEqualTo(85, "with a few retries in a row at most, nearly every download gets through");
        cdn.Faults.Values.Should().OnlyContain(n => n > 0, "every kind of fault was served");
    }
}
