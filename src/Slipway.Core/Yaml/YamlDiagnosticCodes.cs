namespace Slipway.Core.Yaml;

/// <summary>SLW1xxx: reading files and YAML syntax.</summary>
public static class YamlDiagnosticCodes
{
    public const string FileNotFound = "SLW1001";
    public const string FileUnreadable = "SLW1002";
    public const string FileTooLarge = "SLW1003";
    public const string Syntax = "SLW1010";
    public const string Tab = "SLW1011";
    public const string DuplicateKey = "SLW1012";
    public const string AnchorNotSupported = "SLW1013";
    public const string NonScalarKey = "SLW1014";
    public const string MultipleDocuments = "SLW1015";
    public const string TooDeep = "SLW1016";
    public const string UnknownAlias = "SLW1017";
    public const string InvalidEncoding = "SLW1018";
}
