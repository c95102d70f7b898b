using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// One job, sized for a 2-core machine: one launch, 6 warm-up and 30 measured iterations of about 0.5 s each
/// (BenchmarkDotNet picks the calls per iteration), about 25 s per benchmark and 3 to 4 minutes for the whole run.
/// The median is shown beside the mean: on a shared machine a few iterations land on a busy patch and pull the
/// mean up.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithId("Loopback")
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(30));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}
