namespace Slipway.Cli.Tests.Run;

/// <summary><c>##vso[task.setendpoint]</c> (AZP-LOG-19) and <c>##vso[task.logdetail]</c> (AZP-LOG-20), through <c>slipway run</c>.</summary>
[Trait("Category", "EndToEnd")]
public sealed class EndpointAndDetailRunTests
{
    private const string EndpointId = "5f0d2a91-3c7e-4b8a-9d61-2e4f8c7b1a03";
    private const string Parent = "0b8f4c2e-6a1d-4e37-8f95-c2d7a3b61e40";
    private const string Child = "7c3e9a15-2b4f-4d86-a0e1-95f6b8c2d317";

    [Fact]
    public async Task AZP_LOG_19_SetEndpoint_LaterNodeTaskReadsUrlAuthAndData_AuthValueMasked()
    {
        var h = new RunHarness();
        var tasks = TaskPackages.CopyTo(h.Dir);
        h.Write("tasks/ShowEndpointV1/task.json", """
            {
              "id": "3e2b6f0a-9c41-4d7e-b852-1f6a0c9e7d24", "name": "ShowEndpoint", "friendlyName": "Show endpoint", "description": "AZP-LOG-19",
              "category": "Utility", "author": "Slipway", "version": { "Major": 1, "Minor": 0, "Patch": 0 },
              "inputs": [ { "name": "connection", "type": "string", "label": "c", "required": true } ],
              "execution": { "Node20_1": { "target": "index.js" } }
            }
            """);
        h.Write("tasks/ShowEndpointV1/index.js", """
            const id = process.env.INPUT_CONNECTION;
            console.log(`rawurl=${process.env['ENDPOINT_URL_' + id]}`);
            console.log(`rawdata=${process.env['ENDPOINT_DATA_' + id + '_SUBSCRIPTIONID']}`);
            console.log(`rawauthset=${process.env['ENDPOINT_AUTH_PARAMETER_' + id + '_PASSWORD'] === 'EndpointPa55word' ? 'yes' : 'no'}`);
            const tl = require('azure-pipelines-task-lib/task');
            console.log(`url=${tl.getEndpointUrl(id, false)}`);
            console.log(`data=${tl.getEndpointDataParameter(id, 'subscriptionId', false)}`);
            console.log(`password=${tl.getEndpointAuthorizationParameter(id, 'password', false)}`);
            """);

        var run = await h.RunAsync($$"""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.setendpoint id={{EndpointId}};field=url]https://feeds.example.com/v3/"
                echo "##vso[task.setendpoint id={{EndpointId}};field=authParameter;key=password]$PW"
                echo "##vso[task.setendpoint id={{EndpointId}};field=dataParameter;key=subscriptionId]sub-42"
                echo "after=$PW"
              env:
                PW: EndpointPa55word
            - task: ShowEndpoint@1
              inputs:
                connection: {{EndpointId}}
            """, "--tasks-dir", tasks);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        Assert.Contains("rawurl=https://feeds.example.com/v3/", lines);
        Assert.Contains("rawdata=sub-42", lines);
        Assert.Contains("rawauthset=yes", lines);
        Assert.Contains("url=https://feeds.example.com/v3/", lines);
        Assert.Contains("data=sub-42", lines);
        Assert.Contains("password=***", lines);
        Assert.Contains("after=***", lines);
        Assert.DoesNotContain("EndpointPa55word", run.Out + run.AllLogs(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZP_LOG_20_LogDetail_RecordsUnderTheStep_InPlainLogAndReport()
    {
        var run = await new RunHarness().RunAsync($$"""
            steps:
            - checkout: none
            - bash: |
                echo "##vso[task.logdetail id={{Parent}};name=Compile;type=build;order=1]starting"
                echo "##vso[task.logdetail id={{Child}};parentid={{Parent}};name=Unit tests;type=test;order=2;progress=40]"
                echo "##vso[task.logdetail id={{Parent}};state=Completed;result=Succeeded]done"
              name: details
            """);

        Assert.Equal(0, run.Code);
        var lines = run.Lines("Job");
        Assert.Contains("Detail: Compile (build) InProgress: starting", lines);
        Assert.Contains("Detail: Compile (build) Completed, Succeeded, 100%: done", lines);
        var step = run.Records().Single(r => r.GetProperty("identifier").GetString() == "__default.Job.details");
        var details = step.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(2, details.Count);
        var parent = details.Single(d => d.GetProperty("id").GetString() == Parent);
        Assert.Equal(("Compile", "build", 1), (parent.GetProperty("name").GetString(), parent.GetProperty("type").GetString(), parent.GetProperty("order").GetInt32()));
        Assert.Equal(("Completed", "Succeeded", 100), (parent.GetProperty("state").GetString(), parent.GetProperty("result").GetString(), parent.GetProperty("progress").GetInt32()));
        Assert.Equal("done", parent.GetProperty("message").GetString());
        Assert.NotNull(parent.GetProperty("startTime").GetString());
        Assert.NotNull(parent.GetProperty("finishTime").GetString());
        var child = details.Single(d => d.GetProperty("id").GetString() == Child);
        Assert.Equal(Parent, child.GetProperty("parentId").GetString());
        Assert.Equal(("InProgress", 40), (child.GetProperty("state").GetString(), child.GetProperty("progress").GetInt32()));
    }

    [Fact]
    public async Task AZP_LOG_20_LogDetail_UnknownParentOrMissingName_FailsTheStep()
    {
        var run = await new RunHarness().RunAsync($$"""
            steps:
            - checkout: none
            - bash: echo "##vso[task.logdetail id={{Child}};parentid={{Parent}};name=Orphan;type=test]"
              name: orphan
              continueOnError: true
            - bash: echo "##vso[task.logdetail id={{Parent}};type=build]"
              name: nameless
              continueOnError: true
            """);

        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.orphan"));
        Assert.Equal("SucceededWithIssues", run.RecordResult("__default.Job.nameless"));
        var messages = string.Join("\n", run.Issues().Select(i => i.GetProperty("message").GetString()));
        Assert.Contains("parent timeline record has not been created", messages, StringComparison.Ordinal);
        Assert.Contains("name is required", messages, StringComparison.Ordinal);
    }
}
