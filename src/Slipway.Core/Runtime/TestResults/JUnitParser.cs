using System.Xml.Linq;
using static Slipway.Core.Runtime.TestResults.TestResultParser;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>JUnit XML: <c>&lt;testsuites&gt;</c> or <c>&lt;testsuite&gt;</c> holding <c>&lt;testcase&gt;</c> elements
/// with <c>failure</c>, <c>error</c> (both failed) or <c>skipped</c> children.</summary>
internal static class JUnitParser
{
    public static IReadOnlyList<TestCaseResult>? Parse(XElement root)
    {
        if (root.Name.LocalName is not ("testsuites" or "testsuite"))
        {
            return null;
        }

        return [.. Named(root, "testcase").Select(Case)];
    }

    private static TestCaseResult Case(XElement test)
    {
        var failure = Child(test, "failure") ?? Child(test, "error");
        var outcome = failure is not null ? TestOutcome.Failed
            : Child(test, "skipped") is not null ? TestOutcome.Skipped
            : TestOutcome.Passed;
        return new TestCaseResult(Attr(test, "name") ?? "(unnamed)", Attr(test, "classname"), outcome, Seconds(Attr(test, "time")))
        {
            Message = failure is null ? null : Attr(failure, "message") ?? Text(failure),
            StackTrace = failure is null ? null : Text(failure),
        };
    }
}
