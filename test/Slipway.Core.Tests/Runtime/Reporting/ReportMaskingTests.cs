using Slipway.Core.Masking;
using Slipway.Core.Runs;
using Slipway.Core.Runtime.Reporting;

namespace Slipway.Core.Tests.Runtime.Reporting;

/// <summary>The report's last masking pass (AZP-VAR-41): every string and property name of the written JSON.</summary>
public sealed class ReportMaskingTests
{
    private const string Secret = "pa\"ss+w0rd\\x";

    [Fact]
    public void AZP_VAR_41_ReportJson_MasksEveryTextAndName_EvenWhereTheBuilderDidNot()
    {
        var masker = SecretMasker.ForAzurePipelines();
        masker.AddValue(Secret);
        var report = new RunReport
        {
            Pipeline = "p-" + Secret,
            Syntax = "azure-pipelines",
            Result = RunResult.Succeeded,
            Tags = [Secret],
            Stages =
            [
                new StageReport
                {
                    Name = Secret, DisplayName = "Stage " + Secret, Identifier = Secret,
                    Jobs =
                    [
                        new JobReport
                        {
                            Name = "J", DisplayName = "J", Identifier = Secret + ".J",
                            Outputs = new Dictionary<string, string> { [Secret + ".out"] = "v " + Secret },
                        },
                    ],
                },
            ],
            Tests = [new TestRunReport("t", 1, 0, 1, 0) { Failures = [new FailedTestReport("n", "message " + Secret, null)] }],
        };

        var json = RunReportJson.Serialize(report, masker.Mask);

        Assert.DoesNotContain("ss+w0rd", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ss\\u002Bw0rd", json, StringComparison.Ordinal);
        Assert.Contains("\"***.out\"", json, StringComparison.Ordinal);
        Assert.Contains("\"message ***\"", json, StringComparison.Ordinal);
        Assert.Contains("ss\\u002Bw0rd", RunReportJson.Serialize(report), StringComparison.Ordinal);
    }

    [Fact]
    public void AZP_VAR_41_ReportFile_IsWrittenThroughTheMaskingPass()
    {
        var masker = SecretMasker.ForAzurePipelines();
        masker.AddValue(Secret);
        var path = Path.Combine(Directory.CreateTempSubdirectory("slipway-report-").FullName, "r.json");
        var report = new RunReport { Pipeline = Secret, Syntax = "azure-pipelines" };

        Assert.Null(RunReportJson.TryWriteFile(report, path, masker.Mask));

        Assert.Contains("\"pipeline\": \"***\"", File.ReadAllText(path), StringComparison.Ordinal);
    }
}
