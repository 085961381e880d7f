namespace Slipway.Core.Runtime.Checkout;

/// <summary>SLW7600-SLW7699: the <c>checkout</c> step.</summary>
public static class CheckoutDiagnosticCodes
{
    public const string PathOutsideWorkspace = "SLW7600";
    public const string RepositoryNotMapped = "SLW7601";
    public const string UnknownRepository = "SLW7602";
    public const string RefNotFound = "SLW7603";
    public const string GitFailed = "SLW7604";
    public const string LfsMissing = "SLW7605";
    public const string SubmoduleFailed = "SLW7606";
    public const string UnsupportedInput = "SLW7607";
    public const string CopyFailed = "SLW7608";
    public const string NotARepository = "SLW7609";
}
