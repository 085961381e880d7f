using System.Globalization;
using System.Text;

namespace Slipway.Benchmarks;

/// <summary>
/// Writes a pipeline of <c>stages x 10 jobs x 10 steps</c> produced through stage, job and step templates
/// and <c>each</c> loops, with parameters, variables and interpolated expressions on every step.
/// </summary>
internal static class TemplatePipelineGenerator
{
    public static string Write(string folder, int stages, int jobsPerStage = 10, int stepsPerJob = 10)
    {
        Directory.CreateDirectory(Path.Combine(folder, "templates"));
        File.WriteAllText(Path.Combine(folder, "azure-pipelines.yml"), Root(stages, jobsPerStage, stepsPerJob));
        File.WriteAllText(Path.Combine(folder, "templates", "stage.yml"), Stage);
        File.WriteAllText(Path.Combine(folder, "templates", "job.yml"), Job);
        File.WriteAllText(Path.Combine(folder, "templates", "steps.yml"), Steps);
        File.WriteAllText(Path.Combine(folder, "templates", "vars.yml"), Vars);
        return Path.Combine(folder, "azure-pipelines.yml");
    }

    private static string Root(int stages, int jobs, int steps)
    {
        var sb = new StringBuilder();
        sb.Append("trigger: [main]\nvariables:\n- template: templates/vars.yml\n  parameters:\n    configuration: Release\n");
        sb.Append("parameters:\n- name: stages\n  type: object\n  default:\n");
        for (var i = 0; i < stages; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - name: Stage{i}\n    os: {(i % 2 == 0 ? "linux" : "windows")}\n");
        }

        sb.Append("- name: jobs\n  type: object\n  default:\n");
        for (var i = 0; i < jobs; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - Job{i}\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"- name: stepCount\n  type: number\n  default: {steps}\n");
        sb.Append("- name: runTests\n  type: boolean\n  default: true\n");
        sb.Append("stages:\n- ${{ each stage in parameters.stages }}:\n  - template: templates/stage.yml\n    parameters:\n");
        sb.Append("      name: ${{ stage.name }}\n      os: ${{ stage.os }}\n      jobs: ${{ parameters.jobs }}\n");
        sb.Append("      steps: ${{ split(format('{0}', '");
        sb.Append(string.Join(',', Enumerable.Range(0, steps)));
        sb.Append("'), ',') }}\n      runTests: ${{ parameters.runTests }}\n");
        return sb.ToString();
    }

    private const string Vars = """
        parameters:
        - name: configuration
          type: string
        variables:
        - name: BuildConfiguration
          value: ${{ parameters.configuration }}
        - name: DOTNET_NOLOGO
          value: true
        """;

    private const string Stage = """
        parameters:
        - name: name
          type: string
        - name: os
          type: string
          values: [linux, windows]
        - name: jobs
          type: object
        - name: steps
          type: object
        - name: runTests
          type: boolean
        stages:
        - stage: ${{ parameters.name }}
          displayName: Stage ${{ parameters.name }} on ${{ parameters.os }}
          variables:
            StageOs: ${{ parameters.os }}
          jobs:
          - ${{ each job in parameters.jobs }}:
            - template: job.yml
              parameters:
                name: ${{ job }}
                stage: ${{ parameters.name }}
                steps: ${{ parameters.steps }}
                runTests: ${{ parameters.runTests }}
        """;

    private const string Job = """
        parameters:
        - name: name
          type: string
        - name: stage
          type: string
        - name: steps
          type: object
        - name: runTests
          type: boolean
          default: false
        jobs:
        - job: ${{ parameters.stage }}_${{ parameters.name }}
          displayName: ${{ parameters.name }} of ${{ parameters.stage }}
          pool:
            ${{ if eq(variables.StageOs, 'windows') }}:
              vmImage: windows-latest
            ${{ else }}:
              vmImage: ubuntu-latest
          steps:
          - checkout: self
          - template: steps.yml
            parameters:
              steps: ${{ parameters.steps }}
              prefix: ${{ parameters.stage }}/${{ parameters.name }}
              runTests: ${{ parameters.runTests }}
        """;

    private const string Steps = """
        parameters:
        - name: steps
          type: object
        - name: prefix
          type: string
        - name: runTests
          type: boolean
        steps:
        - ${{ each step in parameters.steps }}:
          - script: echo ${{ parameters.prefix }} step ${{ step }} in $(BuildConfiguration) ${{ variables.BuildConfiguration }}
            displayName: Step ${{ step }}
            ${{ if and(parameters.runTests, eq(step, '0')) }}:
              condition: and(succeeded(), eq('${{ parameters.runTests }}', 'True'))
            env:
              STEP_INDEX: ${{ step }}
        """;
}
