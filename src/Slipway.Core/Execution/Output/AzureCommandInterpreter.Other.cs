namespace Slipway.Core.Execution.Output;

internal static partial class AzureCommandInterpreter
{
    private static Result InterpretArtifact(AzureLoggingCommand c)
    {
        var name = c.Property("artifactname");
        switch (c.Event.ToLowerInvariant())
        {
            case "associate":
                var type = c.Property("type") ?? c.Property("artifacttype");
                return string.IsNullOrEmpty(name) ? Required(c, "artifactname")
                    : string.IsNullOrEmpty(type) ? Required(c, "type")
                    : c.Data.Length == 0 ? Required(c, "artifact location (data)")
                    : Result.Ok(new AzureArtifactAssociate(name, type, c.Data, c.Properties));
            case "upload":
                var folder = c.Property("containerfolder");
                return string.IsNullOrEmpty(name) ? Required(c, "artifactname")
                    : c.Data.Length == 0 ? Required(c, "local path (data)")
                    : Result.Ok(new AzureArtifactUpload(name, string.IsNullOrEmpty(folder) ? name : folder, c.Data, c.Properties));
            default:
                return NotRecognized(c);
        }
    }

    private static Result InterpretBuild(AzureLoggingCommand c) => c.Event.ToLowerInvariant() switch
    {
        "uploadlog" => c.Data.Length == 0 ? Required(c, "log file path (data)") : Result.Ok(new AzureUploadLog(c.Data)),
        "updatebuildnumber" => c.Data.Trim().Length == 0 ? Required(c, "build number (data)") : Result.Ok(new AzureUpdateBuildNumber(c.Data.Trim())),
        "addbuildtag" => c.Data.Trim().Length == 0 ? Required(c, "tag (data)") : Result.Ok(new AzureAddBuildTag(c.Data.Trim())),
        "uploadsummary" => UploadSummary(c),
        _ => NotRecognized(c),
    };

    private static Result InterpretRelease(AzureLoggingCommand c) => c.Event.ToLowerInvariant() switch
    {
        "updatereleasename" => c.Data.Trim().Length == 0 ? Required(c, "release name (data)") : Result.Ok(new AzureUpdateReleaseName(c.Data.Trim())),
        _ => NotRecognized(c),
    };
}
