// The demo and the silo process each keep both cores busy for seconds; run one test class at a time so that
// their time limits hold on a 2-core machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
