using System.Globalization;
using System.Xml.Linq;
using static Slipway.Core.Runtime.TestResults.TestResultParser;

namespace Slipway.Core.Runtime.TestResults;

/// <summary>VSTest TRX: <c>&lt;TestRun&gt;</c> with <c>Results/UnitTestResult</c> (<c>testName</c>, <c>outcome</c>,
/// <c>duration</c> as hh:mm:ss.fffffff, <c>Output/ErrorInfo</c>); class names come from
/// <c>TestDefinitions/UnitTest/TestMethod@className</c> by test id.</summary>
internal static class TrxParser
{
    public static IReadOnlyList<TestCaseResult>? Parse(XElement root)
    {
        if (root.Name.LocalName != "TestRun")
        {
            return null;
        }

        var classes = Named(root, "UnitTest")
            .Where(u => Attr(u, "id") is not null)
            .GroupBy(u => Attr(u, "id")!)
            .ToDictionary(g => g.Key, g => Child(g.First(), "TestMethod") is { } m ? Attr(m, "className") : null);
        return [.. Named(root, "UnitTestResult").Select(r => Case(r, classes))];
    }

    private static TestCaseResult Case(XElement result, Dictionary<string, string?> classes)
    {
        var outcome = Attr(result, "outcome") switch
        {
            "Passed" or "PassedButRunAborted" => TestOutcome.Passed,
            "Failed" or "Error" or "Timeout" or "Aborted" => TestOutcome.Failed,
            _ => TestOutcome.Skipped,
        };
        var duration = TimeSpan.TryParse(Attr(result, "duration"), CultureInfo.InvariantCulture, out var d) ? d : TimeSpan.Zero;
        var error = Child(result, "Output") is { } output ? Child(output, "ErrorInfo") : null;
        var className = Attr(result, "testId") is { } id && classes.TryGetValue(id, out var c) ? c : null;
        return new TestCaseResult(Attr(result, "testName") ?? "(unnamed)", className, outcome, duration)
        {
            Message = error is null ? null : Text(Child(error, "Message")),
            StackTrace = error is null ? null : Text(Child(error, "StackTrace")),
        };
    }
}
