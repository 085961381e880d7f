using System.Xml.Linq;
using static Slipway.Core.Runtime.TestResults.TestResultParser;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>NUnit 3 (<c>&lt;test-run&gt;</c>, <c>result="Passed|Failed|Skipped|Inconclusive"</c>, <c>duration</c>)
/// and NUnit 2 (<c>&lt;test-results&gt;</c>, <c>result="Success|Failure|Error|Ignored|NotRunnable|..."</c>,
/// <c>executed</c>, <c>time</c>).</summary>
internal static class NUnitParser
{
    public static IReadOnlyList<TestCaseResult>? Parse(XElement root) => root.Name.LocalName switch
    {
        "test-run" => [.. Named(root, "test-case").Select(NUnit3)],
        "test-results" => [.. Named(root, "test-case").Select(NUnit2)],
        _ => null,
    };

    private static TestCaseResult NUnit3(XElement test)
    {
        var outcome = Attr(test, "result") switch
        {
            "Passed" => TestOutcome.Passed,
            "Failed" => TestOutcome.Failed,
            _ => TestOutcome.Skipped,
        };
        return WithFailure(new TestCaseResult(Attr(test, "name") ?? "(unnamed)", Attr(test, "classname"), outcome, Seconds(Attr(test, "duration"))), test);
    }

    private static TestCaseResult NUnit2(XElement test)
    {
        var executed = !string.Equals(Attr(test, "executed"), "False", StringComparison.OrdinalIgnoreCase);
        var outcome = !executed ? TestOutcome.Skipped : Attr(test, "result") switch
        {
            "Success" => TestOutcome.Passed,
            "Failure" or "Error" => TestOutcome.Failed,
            null => string.Equals(Attr(test, "success"), "True", StringComparison.OrdinalIgnoreCase) ? TestOutcome.Passed : TestOutcome.Failed,
            _ => TestOutcome.Skipped,
        };
        var name = Attr(test, "name") ?? "(unnamed)";
        var dot = name.LastIndexOf('.');
        return WithFailure(new TestCaseResult(name, dot > 0 ? name[..dot] : null, outcome, Seconds(Attr(test, "time"))), test);
    }

    private static TestCaseResult WithFailure(TestCaseResult result, XElement test) =>
        Child(test, "failure") is { } failure
            ? result with { Message = Text(Child(failure, "message")), StackTrace = Text(Child(failure, "stack-trace")) }
            : result;
}
