using Microsoft.Data.Sqlite;

namespace Slipway.Cli.Tests.Run;

/// <summary>Secrets are masked as *** everywhere Slipway prints or stores (AZP-VAR-40..42, AZP-LOG-10/11).</summary>
[Trait("Category", "EndToEnd")]
public sealed class SecretsRunTests
{
    [Fact]
    public async Task AZP_VAR_41_EverySecretSource_MaskedInConsoleLogsStoreAndReport()
    {
        var harness = new RunHarness();
        harness.Write("secrets.env", "# comment\nfileSecret=from-file-9876\n");
        var run = await harness.RunAsync("""
            steps:
            - checkout: none
            - bash: |
                echo "cli $(cliSecret) file $(fileSecret)"
                r="runtime-secret-"; r="${r}5555"; v="var-secret-"; v="${v}4444"; o="out-secret-"; o="${o}3333"
                echo "##vso[task.setsecret]$r"
                echo "set later $r"
                echo "##vso[task.setvariable variable=viaVar;issecret=true]$v"
                echo "##vso[task.setvariable variable=outSecret;isOutput=true;issecret=true]$o"
                echo "##vso[task.logissue type=warning]issue mentions cli-secret-1234"
              name: produce
            - bash: |
                echo "next $(viaVar) [$VIAVAR]"
              env:
                MAPPED: $(viaVar)
            """, "--secret", "cliSecret=cli-secret-1234", "--secrets-file", Path.Combine(harness.Dir, "secrets.env"));
        var lines = run.Lines("Job");
        Assert.Contains("cli *** file ***", lines);
        Assert.Contains("set later ***", lines);
        Assert.Contains("next *** []", lines);
        string[] secrets = ["cli-secret-1234", "from-file-9876", "runtime-secret-5555", "var-secret-4444", "out-secret-3333"];
        var everything = run.Out + run.Err + run.AllLogs() + run.Json.GetRawText() + await DumpStoreAsync(run.StoreDir);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    private static async Task<string> DumpStoreAsync(string storeDir)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(storeDir, "runs.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in new[] { "runs", "records", "issues", "outputs" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.AppendLine();
            }
        }

        return text.ToString();
    }
}
