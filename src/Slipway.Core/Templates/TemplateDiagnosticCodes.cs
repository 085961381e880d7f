namespace Slipway.Core.Templates;

/// <summary>SLW3xxx: Azure Pipelines templates, template parameters and <c>${{ }}</c> expressions.</summary>
public static class TemplateDiagnosticCodes
{
    public const string TemplateNotFound = "SLW3001";
    public const string UnknownRepository = "SLW3002";
    public const string InvalidReference = "SLW3003";
    public const string UnexpectedReferenceKey = "SLW3004";
    public const string TemplateNotMapping = "SLW3005";
    public const string UnexpectedTemplateKey = "SLW3006";

    public const string TooManyFiles = "SLW3010";
    public const string TooDeep = "SLW3011";
    public const string TooLarge = "SLW3012";
    public const string Recursion = "SLW3013";

    public const string InvalidParameterDeclaration = "SLW3020";
    public const string UnknownParameterType = "SLW3021";
    public const string UnexpectedParameter = "SLW3022";
    public const string MissingParameter = "SLW3023";
    public const string ValueNotAllowed = "SLW3024";
    public const string WrongParameterType = "SLW3025";
    public const string ParametersNotMapping = "SLW3026";

    public const string DirectiveNotWholeKey = "SLW3031";
    public const string ElseWithoutIf = "SLW3032";
    public const string InvalidDirective = "SLW3033";
    public const string EachOverScalar = "SLW3034";
    public const string InsertNotMapping = "SLW3035";
    public const string DuplicateKey = "SLW3036";
    public const string DirectiveInSequence = "SLW3037";
    public const string InvalidExtends = "SLW3038";
    public const string RuntimeOnly = "SLW3039";
    public const string UnclosedExpression = "SLW3040";
    public const string UndefinedParameter = "SLW3041";
    public const string ExpressionNotAllowed = "SLW3042";
}
