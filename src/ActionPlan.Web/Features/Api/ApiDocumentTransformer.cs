using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ActionPlan.Web.Features.Api;

/// <summary>The OpenAPI document's title and its one security scheme: a personal API token as a bearer token, required everywhere.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ActionPlan REST API",
            Version = "v1",
            Description = "营商环境行动计划落实跟踪平台的只读接口。每个请求带个人 API 令牌：`Authorization: Bearer ap_…`（在“修改密码”页的“API 令牌”中创建）。令牌的权限与其账号相同：牵头单位的令牌只能读本单位的任务。",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "ap_ + 43 base64url characters",
            Description = "个人 API 令牌（ap_…），只在创建时显示一次。",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
