namespace ActionPlan.Web.Features.Audit;

/// <summary>What a recorded change did. Stored under the names <see cref="AuditNames"/> fixes, not the member names.</summary>
public enum AuditAction
{
    /// <summary>The office saved the task form (任务详情 → 更新推进情况).</summary>
    Edit,

    /// <summary>批量更新状态 on 任务清单.</summary>
    BulkStatus,

    /// <summary>通过 of a progress report, which applies it to the task.</summary>
    ApproveReport,

    CreateAccount,
    DisableAccount,
    EnableAccount,
    ChangeRole,
    ResetPassword,

    /// <summary>开启调度轮次.</summary>
    OpenRound,

    /// <summary>结束本轮.</summary>
    CloseRound,

    /// <summary>催报 by hand.</summary>
    Chase,

    /// <summary>退回 of a progress report, with the reason.</summary>
    ReturnReport,

    /// <summary>下发督办单.</summary>
    IssueSlip,

    /// <summary>A unit's 反馈 to a 督办单.</summary>
    ReplySlip,

    /// <summary>升级督办: the next level's slip replaces an unanswered one.</summary>
    EscalateSlip,

    /// <summary>督办单办结.</summary>
    CloseSlip,

    /// <summary>A unit's 延期申请.</summary>
    RequestExtension,

    /// <summary>The office approves a 延期申请 (the milestone's deadline moves).</summary>
    ApproveExtension,

    /// <summary>The office refuses a 延期申请.</summary>
    RefuseExtension,

    /// <summary>销号.</summary>
    CloseTask,

    /// <summary>Re-opening a closed task (恢复), with a reason.</summary>
    ReopenTask,

    /// <summary>签发 of a 调度通报 (第N期).</summary>
    IssueDispatch,

    /// <summary>The demo history was played into this database (演示数据; one row, the marker).</summary>
    PlayDemoHistory,

    /// <summary>A user creates a personal API 令牌.</summary>
    CreateApiToken,

    /// <summary>A user revokes (撤销) one of their API 令牌.</summary>
    RevokeApiToken,

    /// <summary>An administrator adds a 消息通道 (robot or e-mail).</summary>
    CreateChannel,

    /// <summary>A 消息通道 is changed, switched on or off.</summary>
    EditChannel,

    /// <summary>A 消息通道 is deleted, with its outbox.</summary>
    DeleteChannel,

    /// <summary>A plan is archived (归档, read-only).</summary>
    ArchivePlan,

    /// <summary>An archived plan is re-opened (重新开放), with a reason.</summary>
    ReopenPlan,

    /// <summary>上传计划: a plan text imported from the upload page, with its unit mapping.</summary>
    ImportPlan,
}
