namespace Slipway.Core.Pipelines.Azure;

/// <summary>SLW4xxx: the Azure Pipelines dialect (structure, triggers, variables, tasks, dependencies).</summary>
public static class AzureDiagnosticCodes
{
    // 40xx: document shape and value types.
    public const string TemplateNotExpanded = "SLW4001";
    public const string RootNotMapping = "SLW4002";
    public const string UnknownKey = "SLW4003";
    public const string WrongType = "SLW4004";
    public const string InvalidBoolean = "SLW4005";
    public const string InvalidInteger = "SLW4006";
    public const string InvalidValue = "SLW4007";
    public const string MissingKey = "SLW4008";
    public const string ConflictingKeys = "SLW4009";
    public const string NoWork = "SLW4010";
    public const string EmptyValue = "SLW4011";
    public const string ParametersIgnored = "SLW4012";

    // 41xx: triggers and resources.
    public const string InvalidCron = "SLW4100";
    public const string InvalidBranchFilter = "SLW4101";
    public const string DuplicateResourceAlias = "SLW4102";
    public const string UnknownContainer = "SLW4103";
    public const string UnknownRepository = "SLW4104";

    // 42xx: variables.
    public const string InvalidVariableName = "SLW4200";
    public const string ReservedVariablePrefix = "SLW4201";
    public const string VariableGroupNotFound = "SLW4202";
    public const string VariableGroupInvalid = "SLW4203";
    public const string RuntimeExpressionNotWhole = "SLW4204";

    // 43xx: stages and jobs.
    public const string InvalidName = "SLW4300";
    public const string DuplicateName = "SLW4301";
    public const string ReservedName = "SLW4302";
    public const string StepsOnDeployment = "SLW4303";
    public const string DependsOnMissing = "SLW4304";
    public const string DependencyCycle = "SLW4305";
    public const string InvalidMatrixLegName = "SLW4306";
    public const string MissingEnvironment = "SLW4307";
    public const string MissingStrategy = "SLW4308";
    public const string EmptyList = "SLW4309";
    public const string ReviewAppOutsideDeployment = "SLW4310";

    // 44xx: steps and tasks.
    public const string UnknownTask = "SLW4400";
    public const string UnknownTaskVersion = "SLW4401";
    public const string UnknownTaskInput = "SLW4402";
    public const string MissingTaskInput = "SLW4403";
    public const string TaskVersionMissing = "SLW4404";
    public const string DeprecatedTask = "SLW4405";
    public const string RetryCountClamped = "SLW4406";
    public const string UnknownStepKind = "SLW4407";
}
