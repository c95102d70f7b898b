using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Rivya.Sdk.Benchmarks;

/// <summary>
/// One job, sized for a 2-core machine: one launch, 5 warm-up and 20 measured iterations of about 0.5 s each
/// (BenchmarkDotNet picks the calls per iteration), about 18 s per benchmark and 4 to 5 minutes for the whole run.
/// The median is shown beside the mean: on a shared machine a few iterations land on a busy patch and pull the
/// mean up.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithId("Rivya")
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(20));
        AddDiagnoser(MemoryDiagnoser.Default);

        // Thread-pool work items per call: shows whether a client adds thread hops, which timing alone cannot tell
        // apart from noise on a busy machine.
        AddDiagnoser(ThreadingDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
    }
}
