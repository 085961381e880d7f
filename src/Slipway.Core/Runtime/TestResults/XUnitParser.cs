using System.Xml.Linq;
using static Slipway.Core.Runtime.TestResults.TestResultParser;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>xUnit v2 XML: <c>&lt;assemblies&gt;</c> / <c>&lt;assembly&gt;</c> holding <c>&lt;test name type method time
/// result="Pass|Fail|Skip"&gt;</c> with <c>failure/message</c>, <c>failure/stack-trace</c> and <c>reason</c>.</summary>
internal static class XUnitParser
{
    public static IReadOnlyList<TestCaseResult>? Parse(XElement root)
    {
        if (root.Name.LocalName is not ("assemblies" or "assembly"))
        {
            return null;
        }

        return [.. Named(root, "test").Select(Case)];
    }

    private static TestCaseResult Case(XElement test)
    {
        var outcome = Attr(test, "result") switch
        {
            "Pass" => TestOutcome.Passed,
            "Fail" => TestOutcome.Failed,
            _ => TestOutcome.Skipped,
        };
        var failure = Child(test, "failure");
        return new TestCaseResult(Attr(test, "name") ?? "(unnamed)", Attr(test, "type"), outcome, Seconds(Attr(test, "time")))
        {
            Message = failure is not null ? Text(Child(failure, "message")) : Text(Child(test, "reason")),
            StackTrace = failure is null ? null : Text(Child(failure, "stack-trace")),
        };
    }
}
