// The web app keeps Hangfire's storage in a static (JobStorage.Current) besides its container: hosts run one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
