using System.Globalization;

namespace Slipway.Core.Execution.Output;

internal static partial class AzureCommandInterpreter
{
    private static Result InterpretTask(AzureLoggingCommand c) => c.Event.ToLowerInvariant() switch
    {
        "setvariable" => SetVariable(c),
        "setsecret" => Result.Ok(new AzureSetSecret(c.Data)),
        "logissue" or "issue" => LogIssue(c),
        "complete" => Complete(c),
        "setprogress" => Result.Ok(new AzureSetProgress(Math.Clamp(IntOrNull(c.Property("value")) ?? 0, 0, 100), c.Data)),
        "prependpath" => c.Data.Length == 0 ? Required(c, "path") : Result.Ok(new AzurePrependPath(c.Data)),
        "uploadfile" => c.Data.Length == 0 ? Result.Fail("Cannot upload task attachment file, attachment file location is not specified or attachment file not exist on disk") : Result.Ok(new AzureUploadFile(c.Data)),
        "addattachment" => AddAttachment(c),
        "uploadsummary" => UploadSummary(c),
        "setendpoint" => SetEndpoint(c),
        "logdetail" => LogDetail(c),
        "settaskvariable" => SetTaskVariable(c),
        "debug" => Result.Ok(new AzureDebug(c.Data)),
        _ => NotRecognized(c),
    };

    private static Result SetVariable(AzureLoggingCommand c)
    {
        var name = c.Property("variable");
        if (string.IsNullOrEmpty(name))
        {
            return Required(c, "variable");
        }

        var isSecret = c.BooleanProperty("issecret");
        if (isSecret && c.Data.Contains('\n', StringComparison.Ordinal))
        {
            return Result.Fail("Secret variables can't contain multiple lines (AZP-VAR-41).");
        }

        return Result.Ok(new AzureSetVariable(name, c.Data, isSecret, c.BooleanProperty("isoutput"), c.BooleanProperty("isreadonly")));
    }

    private static Result SetTaskVariable(AzureLoggingCommand c)
    {
        var name = c.Property("variable");
        return string.IsNullOrEmpty(name)
            ? Required(c, "variable")
            : Result.Ok(new AzureSetTaskVariable(name, c.Data, c.BooleanProperty("issecret"), c.BooleanProperty("isreadonly")));
    }

    private static Result LogIssue(AzureLoggingCommand c)
    {
        var type = c.Property("type");
        if (type is null)
        {
            return Result.Warn("Can't create TaskIssue from logging event.");
        }

        AzureIssueType? issueType = type.ToLowerInvariant() switch
        {
            "error" => AzureIssueType.Error,
            "warning" => AzureIssueType.Warning,
            _ => null,
        };
        return issueType is { } t
            ? Result.Ok(new AzureLogIssue(t, c.Data, c.Property("sourcepath"), IntOrNull(c.Property("linenumber")), IntOrNull(c.Property("columnnumber")), c.Property("code")))
            : Result.Fail($"issue type {type} is not an expected issue type.");
    }

    private static Result Complete(AzureLoggingCommand c)
    {
        var text = c.Property("result");
        return Enum.TryParse<AzureTaskResult>(text, ignoreCase: false, out var result) && Enum.IsDefined(result)
            ? Result.Ok(new AzureComplete(result, c.BooleanProperty("done"), c.Data))
            : Result.Fail($"Command result value '{text}' is not valid. Use one of: Succeeded, SucceededWithIssues, Failed.");
    }

    private static Result AddAttachment(AzureLoggingCommand c)
    {
        var type = c.Property("type");
        var name = c.Property("name");
        if (string.IsNullOrEmpty(type))
        {
            return Required(c, "type");
        }

        if (string.IsNullOrEmpty(name))
        {
            return Required(c, "name");
        }

        var invalid = Path.GetInvalidFileNameChars();
        if (type.IndexOfAny(invalid) >= 0 || name.IndexOfAny(invalid) >= 0)
        {
            return Result.Fail("Attachment type and name must not contain characters that are invalid in file names.");
        }

        return c.Data.Length == 0 ? Required(c, "file path (data)") : Result.Ok(new AzureAddAttachment(type, name, c.Data));
    }

    private static Result UploadSummary(AzureLoggingCommand c) => c.Data.Length == 0
        ? Result.Fail("Cannot upload summary file, summary file location is not specified.")
        : Result.Ok(new AzureUploadSummary(c.Data));

    private static Result SetEndpoint(AzureLoggingCommand c)
    {
        var id = c.Property("id");
        if (!Guid.TryParse(id, out _))
        {
            return Result.Fail($"Invalid endpoint id '{id}': a GUID is required.");
        }

        AzureEndpointField? field = c.Property("field")?.ToLowerInvariant() switch
        {
            "authparameter" => AzureEndpointField.AuthParameter,
            "dataparameter" => AzureEndpointField.DataParameter,
            "url" => AzureEndpointField.Url,
            _ => null,
        };
        var key = c.Property("key");
        return field switch
        {
            null => Result.Fail($"Invalid endpoint field '{c.Property("field")}': use authParameter, dataParameter or url."),
            AzureEndpointField.Url when !Uri.TryCreate(c.Data, UriKind.Absolute, out _) => Result.Fail($"Invalid endpoint url '{c.Data}'."),
            not AzureEndpointField.Url when string.IsNullOrEmpty(key) => Required(c, "key"),
            _ when c.Data.Length == 0 => Required(c, "value (data)"),
            _ => Result.Ok(new AzureSetEndpoint(id!, field.Value, key, c.Data)),
        };
    }

    private static Result LogDetail(AzureLoggingCommand c) =>
        Guid.TryParse(c.Property("id"), out var id) && id != Guid.Empty
            ? Result.Ok(new AzureLogDetail(id, c.Properties, c.Data))
            : Result.Fail("Timeline record id is required and must be a non-empty GUID.");

    private static int? IntOrNull(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
