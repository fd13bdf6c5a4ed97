using Microsoft.AspNetCore.Http.Metadata;

namespace MixpanelSync.Api.Http;

/// <summary>Endpoint metadata that sets the largest request body Kestrel accepts, in bytes; beyond it, 413.</summary>
/// <param name="MaxRequestBodySize">The limit in bytes.</param>
internal sealed record RequestBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
