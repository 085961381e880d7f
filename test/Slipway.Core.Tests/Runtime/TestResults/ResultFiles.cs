namespace Slipway.Core.Tests.Runtime.TestResults;

/// <summary>Small result files in each format, written from the formats' documented shapes.</summary>
internal static class ResultFiles
{
    // JUnit: 4 cases, 1 failure, 1 error, 1 skipped (Ant JUnit schema).
    public const string JUnit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="calc" tests="4" failures="1" errors="1" skipped="1">
            <testcase classname="calc.AddTests" name="adds" time="0.5"/>
            <testcase classname="calc.AddTests" name="overflows" time="0.25"><failure message="expected 2 got 3">trace</failure></testcase>
            <testcase classname="calc.DivTests" name="divides" time="0.1"><error message="boom"/></testcase>
            <testcase classname="calc.DivTests" name="later"><skipped/></testcase>
          </testsuite>
        </testsuites>
        """;

    // NUnit 3: Passed, Failed, Skipped, Inconclusive.
    public const string NUnit3 = """
        <test-run id="2" testcasecount="4" result="Failed" total="4" passed="1" failed="1" inconclusive="1" skipped="1">
          <test-suite type="Assembly" name="lib.dll">
            <test-case id="1" name="A" fullname="Lib.T.A" classname="Lib.T" result="Passed" duration="0.010"/>
            <test-case id="2" name="B" fullname="Lib.T.B" classname="Lib.T" result="Failed" duration="0.020">
              <failure><message>Expected 1</message><stack-trace>at Lib.T.B()</stack-trace></failure>
            </test-case>
            <test-case id="3" name="C" fullname="Lib.T.C" classname="Lib.T" result="Skipped"/>
            <test-case id="4" name="D" fullname="Lib.T.D" classname="Lib.T" result="Inconclusive"/>
          </test-suite>
        </test-run>
        """;

    // NUnit 2.5: Success, Failure, Ignored (executed=False).
    public const string NUnit2 = """
        <test-results name="lib.dll" total="3" errors="0" failures="1" not-run="1">
          <test-suite name="lib.dll"><results>
            <test-case name="Lib.T.A" executed="True" result="Success" success="True" time="0.010"/>
            <test-case name="Lib.T.B" executed="True" result="Failure" success="False" time="0.020">
              <failure><message><![CDATA[Expected 1]]></message><stack-trace/></failure>
            </test-case>
            <test-case name="Lib.T.C" executed="False" result="Ignored"><reason><message/></reason></test-case>
          </results></test-suite>
        </test-results>
        """;

    // xUnit v2: Pass, Fail, Skip.
    public const string XUnit = """
        <assemblies>
          <assembly name="lib.dll" total="3" passed="1" failed="1" skipped="1">
            <collection name="c">
              <test name="Lib.T.A" type="Lib.T" method="A" time="0.01" result="Pass"/>
              <test name="Lib.T.B" type="Lib.T" method="B" time="0.02" result="Fail">
                <failure exception-type="Xunit.Sdk.EqualException"><message>Assert.Equal() Failure</message><stack-trace>at B</stack-trace></failure>
              </test>
              <test name="Lib.T.C" type="Lib.T" method="C" time="0" result="Skip"><reason>not today</reason></test>
            </collection>
          </assembly>
        </assemblies>
        """;

    // VSTest TRX: Passed, Failed, NotExecuted.
    public const string Trx = """
        <?xml version="1.0" encoding="utf-8"?>
        <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
          <Results>
            <UnitTestResult testId="t1" testName="A" outcome="Passed" duration="00:00:00.0100000"/>
            <UnitTestResult testId="t2" testName="B" outcome="Failed" duration="00:00:01.5000000">
              <Output><ErrorInfo><Message>Assert failed</Message><StackTrace>at B</StackTrace></ErrorInfo></Output>
            </UnitTestResult>
            <UnitTestResult testId="t3" testName="C" outcome="NotExecuted" duration="00:00:00"/>
          </Results>
          <TestDefinitions>
            <UnitTest id="t1" name="A"><TestMethod className="Lib.T" name="A"/></UnitTest>
            <UnitTest id="t2" name="B"><TestMethod className="Lib.T" name="B"/></UnitTest>
            <UnitTest id="t3" name="C"><TestMethod className="Lib.T" name="C"/></UnitTest>
          </TestDefinitions>
        </TestRun>
        """;

    // Cobertura: lines 1-3 of a.cs (line 2 not hit), a branch line 50% (1/2).
    public const string CoberturaA = """
        <?xml version="1.0"?>
        <coverage line-rate="0.66" branch-rate="0.5" lines-covered="2" lines-valid="3" version="1" timestamp="1">
          <packages><package name="p"><classes>
            <class name="A" filename="src/a.cs">
              <methods><method name="M" signature="()V"><lines><line number="1" hits="1"/></lines></method></methods>
              <lines>
                <line number="1" hits="1"/>
                <line number="2" hits="0"/>
                <line number="3" hits="4" branch="true" condition-coverage="50% (1/2)"/>
              </lines>
            </class>
          </classes></package></packages>
        </coverage>
        """;

    // A second report: a.cs line 2 now hit, and b.cs with one uncovered line.
    public const string CoberturaB = """
        <coverage>
          <packages><package name="p"><classes>
            <class name="A" filename="src/a.cs"><lines><line number="2" hits="3"/></lines></class>
            <class name="B" filename="src/b.cs"><lines><line number="10" hits="0"/></lines></class>
          </classes></package></packages>
        </coverage>
        """;
}
