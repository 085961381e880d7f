namespace Slipway.Core.Tests.Pipelines.GitHub;

/// <summary>
/// The CPU-heavy GitHub workflow tests (all conformance cases, fuzzing) run on their own, after the
/// parallel tests, so they do not slow down other projects' timing-sensitive tests on a shared machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyGitHubTests
{
    public const string Name = "GitHub workflow heavy tests";
}
