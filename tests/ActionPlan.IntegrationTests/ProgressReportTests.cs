using ActionPlan.Data.Entities;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Reports;
using ActionPlan.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// 进展报送 through <see cref="ProgressReports"/>, read back from the database. The fixture's database is shared
/// by the tests of a class, so each test reports on its own tasks: 1 draft · 3, 4 queue · 25 foreign task ·
/// 7 bad input · 9 return · 10 approve once · 5 attachments · 8 revise and approve (省商务厅) and, without
/// touching the task itself, the two units that share it (省市场监管局, 省发展改革委).
/// </summary>
public abstract class ProgressReportTests(PortalFixture fixture)
{
    private const string UnitA = "省市场监管局";
    private const string UnitB = "省发展改革委";
    private const string UnitC = "国网山东省电力公司";

    private static readonly AccessScope Office = new("office1", true, null, true, false);
    private static readonly AccessScope Leadership = new("leader1", true, null, false, false);

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00];

    private PortalFactory Portal => fixture.Portal;

    private ProgressReports Service => Portal.Services.GetRequiredService<ProgressReports>();

    [Fact]
    public async Task A_unit_saves_a_draft_on_its_own_task_with_a_checked_attachment_that_the_office_does_not_see()
    {
        const int number = 1;
        var planId = await PlanIdAsync();
        var unitA = await UnitAsync("unitA", UnitA);
        var before = await CountsAsync();

        var result = await Service.SaveAsync(unitA, planId,
            Input(number, "  一窗通系统升级已完成联调测试。 ", 30, files: [new UploadedFile("../../进展 材料<1>.pdf", Pdf)]), submit: false);

        result.Succeeded.Should().BeTrue(Describe(result));
        var id = result.ReportId!.Value;
        (await CountsAsync()).Should().Be((before.Reports + 1, before.Attachments + 1));
        var stored = await ReportAsync(id);
        stored.State.Should().Be(ReviewState.Draft);
        stored.Text.Should().Be("一窗通系统升级已完成联调测试。");
        stored.ClaimedProgress.Should().Be(30);
        stored.Author.Should().Be("unitA");
        stored.LeadUnitId.Should().Be(unitA.LeadUnitId!.Value);
        stored.PlanTaskId.Should().Be(await TaskIdAsync(number));
        stored.Revision.Should().Be(1);
        stored.PreviousReportId.Should().BeNull();
        stored.SubmittedAt.Should().BeNull();
        stored.MilestoneId.Should().BeNull();
        var attachment = stored.Attachments.Should().ContainSingle().Which;
        attachment.FileName.Should().Be("进展 材料_1.pdf", "the name loses its path and unsafe characters");
        attachment.ContentType.Should().Be("application/pdf");
        attachment.Size.Should().Be(Pdf.Length);
        attachment.Content.Should().Equal(Pdf);

        var own = await Service.ForTaskAsync(unitA, planId, number);
        own.Should().ContainSingle(r => r.Id == id).Which.Should().Match<ReportView>(r =>
            r.State == ReviewState.Draft && r.LeadUnit == UnitA && r.Author == "unitA" && r.TaskNumber == number && r.Attachments.Count == 1);
        (await Service.ForTaskAsync(Office, planId, number)).Should().NotContain(r => r.Id == id, "the office does not see drafts");
        (await Service.ForTaskAsync(Leadership, planId, number)).Should().NotContain(r => r.Id == id);
        (await Service.QueueAsync(Office)).Should().NotContain(r => r.Id == id);
        (await Service.GetAsync(Office, id)).Should().BeNull();
        (await Service.GetAsync(unitA, id)).Should().NotBeNull();
    }

    [Fact]
    public async Task Submitted_reports_wait_in_the_office_queue_oldest_first_and_can_no_longer_be_edited()
    {
        var planId = await PlanIdAsync();
        var unit3 = await UnitOfTaskAsync(3, "unit3");
        var unit4 = await UnitOfTaskAsync(4, "unit4");

        var draft = await Service.SaveAsync(unit3, planId, Input(3, "代位注销适用情形已明确。", 50), submit: false);
        draft.Succeeded.Should().BeTrue(Describe(draft));
        var first = await Service.SaveAsync(unit3, planId, Input(3, "代位注销适用情形、程序和申请材料已明确。", 60, reportId: draft.ReportId), submit: true);
        first.Succeeded.Should().BeTrue(Describe(first));
        first.ReportId.Should().Be(draft.ReportId, "submitting a draft submits that report, not a new one");
        var second = await SubmitAsync(unit4, planId, 4, "自动制售设备准入准营标准已起草。", 40);

        var firstReport = await ReportAsync(first.ReportId!.Value);
        var secondReport = await ReportAsync(second);
        firstReport.State.Should().Be(ReviewState.Submitted);
        firstReport.Text.Should().Be("代位注销适用情形、程序和申请材料已明确。");
        firstReport.ClaimedProgress.Should().Be(60);
        firstReport.SubmittedAt.Should().NotBeNull();
        secondReport.State.Should().Be(ReviewState.Submitted);
        secondReport.SubmittedAt.Should().NotBeNull();
        firstReport.SubmittedOrder.Should().BeLessThanOrEqualTo(secondReport.SubmittedOrder!.Value);

        var queue = await Service.QueueAsync(Office);
        queue.Should().OnlyContain(r => r.State == ReviewState.Submitted);
        queue.Select(r => r.Id).Should().ContainInOrder(first.ReportId!.Value, second);
        (await Service.QueueAsync(Leadership)).Select(r => r.Id).Should().Contain(new[] { first.ReportId!.Value, second });
        (await Service.QueueAsync(unit3)).Should().BeEmpty("the queue is the office's");

        var edit = await Service.SaveAsync(unit3, planId, Input(3, "提交后改写", 90, reportId: first.ReportId), submit: false);
        edit.Succeeded.Should().BeFalse();
        (await ReportAsync(first.ReportId!.Value)).Should().Match<ProgressReport>(r =>
            r.State == ReviewState.Submitted && r.Text == "代位注销适用情形、程序和申请材料已明确。" && r.ClaimedProgress == 60);
    }

    [Fact]
    public async Task A_unit_cannot_report_on_another_units_task_and_the_office_and_leadership_cannot_report()
    {
        var planId = await PlanIdAsync();
        var unitA = await UnitAsync("unitA", UnitA);
        var unitC = await UnitAsync("unitC", UnitC);
        (await UnitNamesAsync(25)).Should().NotContain(UnitA);
        var before = await CountsAsync();

        foreach (var submit in new[] { false, true })
        {
            (await Service.SaveAsync(unitA, planId, Input(25, "冒名报送", 100, files: [new UploadedFile("a.pdf", Pdf)]), submit)).Succeeded.Should().BeFalse();
            foreach (var scope in new[] { Office, Leadership, AccessScope.Nobody })
            {
                (await Service.SaveAsync(scope, planId, Input(25, "非牵头单位报送", 100), submit)).Succeeded.Should().BeFalse(scope.UserName);
            }
        }

        (await CountsAsync()).Should().Be(before);
        (await Service.ForTaskAsync(unitA, planId, 25)).Should().BeEmpty();

        // The other unit's own draft cannot be reached by its id either.
        var theirs = await Service.SaveAsync(unitC, planId, Input(25, "接电环节压减方案已报批。", 40), submit: false);
        theirs.Succeeded.Should().BeTrue(Describe(theirs));
        var afterTheirs = await CountsAsync();
        (await Service.SaveAsync(unitA, planId, Input(25, "篡改", 100, reportId: theirs.ReportId), submit: true)).Succeeded.Should().BeFalse();
        (await Service.SaveAsync(unitA, planId, Input(1, "篡改", 100, reportId: theirs.ReportId), submit: true)).Succeeded.Should().BeFalse();
        (await Service.GetAsync(unitA, theirs.ReportId!.Value)).Should().BeNull();
        (await CountsAsync()).Should().Be(afterTheirs);
        (await ReportAsync(theirs.ReportId!.Value)).Should().Match<ProgressReport>(r =>
            r.State == ReviewState.Draft && r.Text == "接电环节压减方案已报批。" && r.ClaimedProgress == 40 && r.LeadUnitId == unitC.LeadUnitId);
    }

    [Fact]
    public async Task Invalid_reports_are_refused_with_the_field_in_error_and_store_nothing()
    {
        const int number = 7;
        var planId = await PlanIdAsync();
        var unit = await UnitOfTaskAsync(number, "unit7");
        var positions = await Portal.WithDbAsync(db => db.Milestones.Where(m => m.PlanTask.Number == number).Select(m => m.Position).ToListAsync());
        positions.Should().Contain(0);
        var before = await CountsAsync();

        var cases = new (string Why, ReportInput Input, string Field)[]
        {
            ("empty text", Input(number, ""), "Text"),
            ("blank text", Input(number, "   "), "Text"),
            ("4001 characters", Input(number, new string('进', 4001)), "Text"),
            ("progress 120", Input(number, progress: 120), "ClaimedProgress"),
            ("progress -1", Input(number, progress: -1), "ClaimedProgress"),
            ("an exe renamed .pdf", Input(number, files: [new UploadedFile("材料.pdf", Exe)]), "Files"),
            ("a png named .pdf", Input(number, files: [new UploadedFile("照片.pdf", Png)]), "Files"),
            ("an empty file", Input(number, files: [new UploadedFile("空白.pdf", [])]), "Files"),
            ("a file over 10 MB", Input(number, files: [new UploadedFile("大文件.pdf", BigPdf())]), "Files"),
            ("six files", Input(number, files: Enumerable.Range(1, 6).Select(i => new UploadedFile($"材料{i}.pdf", Pdf)).ToList()), "Files"),
            ("a milestone date after today", Input(number, milestone: 0, completedOn: Today().AddDays(1)), "Milestone"),
            ("a milestone without a date", Input(number, milestone: 0), "Milestone"),
            ("a milestone date before the plan year", Input(number, milestone: 0, completedOn: new DateOnly(2021, 12, 31)), "Milestone"),
            ("a milestone the task does not have", Input(number, milestone: 9, completedOn: new DateOnly(2022, 6, 1)), "Milestone"),
        };

        foreach (var submit in new[] { false, true })
        {
            foreach (var (why, input, field) in cases)
            {
                var result = await Service.SaveAsync(unit, planId, input, submit);

                result.Succeeded.Should().BeFalse(why);
                result.Errors.Keys.Should().Contain(field, why);
                (await CountsAsync()).Should().Be(before, why);
            }
        }

        // An existing draft keeps its saved values when a change to it is refused.
        var draft = await Service.SaveAsync(unit, planId, Input(number, "原稿：服务指南已起草。", 20, files: [new UploadedFile("指南.pdf", Pdf)]), submit: false);
        draft.Succeeded.Should().BeTrue(Describe(draft));
        var draftId = draft.ReportId!.Value;
        var saved = await CountsAsync();

        var empty = await Service.SaveAsync(unit, planId, Input(number, "", 50, reportId: draftId), submit: true);
        empty.Errors.Keys.Should().Contain("Text");
        var tooMany = await Service.SaveAsync(unit, planId,
            Input(number, "新稿", 50, reportId: draftId, files: Enumerable.Range(1, 5).Select(i => new UploadedFile($"补充{i}.pdf", Pdf)).ToList()), submit: true);
        tooMany.Errors.Keys.Should().Contain("Files", "the kept attachment counts towards the five");

        (await CountsAsync()).Should().Be(saved);
        var stored = await ReportAsync(draftId);
        stored.State.Should().Be(ReviewState.Draft);
        stored.Text.Should().Be("原稿：服务指南已起草。");
        stored.ClaimedProgress.Should().Be(20);
        stored.Attachments.Should().ContainSingle().Which.FileName.Should().Be("指南.pdf");

        // Replacing the attachment of a draft removes the old file.
        var replaced = await Service.SaveAsync(unit, planId,
            Input(number, "新稿：服务指南已定稿。", 40, reportId: draftId, files: [new UploadedFile("定稿.png", Png)], removed: [stored.Attachments[0].Id]), submit: false);
        replaced.Succeeded.Should().BeTrue(Describe(replaced));
        var after = await ReportAsync(draftId);
        after.Text.Should().Be("新稿：服务指南已定稿。");
        after.Attachments.Should().ContainSingle().Which.Should().Match<ReportAttachment>(a => a.FileName == "定稿.png" && a.ContentType == "image/png");
        (await CountsAsync()).Should().Be(saved);
    }

    [Fact]
    public async Task The_office_returns_a_report_only_with_a_reason_which_the_unit_then_sees()
    {
        const int number = 9;
        var planId = await PlanIdAsync();
        var unit = await UnitOfTaskAsync(number, "unit9");
        var taskBefore = await TaskAsync(number);
        var id = await SubmitAsync(unit, planId, number, "用地审批与规划许可合并办理方案已印发。", 50);
        var version = (await ReportAsync(id)).Version;
        var lastAudit = await Portal.LastAuditIdAsync();

        foreach (var reason in new[] { null, "", "   ", new string('退', 1001) })
        {
            var refused = await Service.ReturnAsync(Office, id, version, reason);
            refused.Succeeded.Should().BeFalse();
            refused.Errors.Keys.Should().Contain("Reason");
        }

        (await Service.ReturnAsync(Leadership, id, version, "领导退回")).Succeeded.Should().BeFalse();
        (await Service.ReturnAsync(unit, id, version, "自行退回")).Succeeded.Should().BeFalse();
        (await Service.ReturnAsync(Office, id, Guid.NewGuid(), "过期的页面")).Succeeded.Should().BeFalse("the version is not the one the office loaded");
        (await ReportAsync(id)).State.Should().Be(ReviewState.Submitted);

        var returned = await Service.ReturnAsync(Office, id, version, "  请补充印发文件扫描件。 ");

        returned.Succeeded.Should().BeTrue(Describe(returned));
        var stored = await ReportAsync(id);
        stored.State.Should().Be(ReviewState.Returned);
        stored.ReturnReason.Should().Be("请补充印发文件扫描件。");
        stored.Reviewer.Should().Be("office1");
        stored.ReviewedAt.Should().NotBeNull();
        (await Service.ForTaskAsync(unit, planId, number)).Should().ContainSingle(r => r.Id == id).Which.Should().Match<ReportView>(r =>
            r.State == ReviewState.Returned && r.ReturnReason == "请补充印发文件扫描件。" && r.Reviewer == "office1");
        (await Service.QueueAsync(Office)).Should().NotContain(r => r.Id == id);

        (await Service.ApproveAsync(Office, id, stored.Version)).Succeeded.Should().BeFalse("a returned report cannot be approved");
        (await Service.ReturnAsync(Office, id, stored.Version, "再次退回")).Succeeded.Should().BeFalse();
        (await Service.SaveAsync(unit, planId, Input(number, "直接改退回的报送", 80, reportId: id), submit: true)).Succeeded.Should().BeFalse();
        (await ReportAsync(id)).Should().Match<ProgressReport>(r => r.State == ReviewState.Returned && r.ClaimedProgress == 50);
        var taskAfter = await TaskAsync(number);
        taskAfter.Progress.Should().Be(taskBefore.Progress);
        taskAfter.Status.Should().Be(taskBefore.Status);
        taskAfter.Version.Should().Be(taskBefore.Version);
        (await Portal.AuditSinceAsync(lastAudit)).Should().ContainSingle("returning changes no task, but the return itself is recorded once")
            .Which.Should().Match<AuditEntry>(a => a.Action == "ReturnReport" && a.Field == "ReportState" && a.NewValue == "退回"
                && a.Reason == "请补充印发文件扫描件。" && a.Actor == "office1" && a.PlanTaskId == taskAfter.Id);
    }

    [Fact]
    public async Task A_returned_report_is_revised_resubmitted_and_approved_which_updates_the_task_with_an_audit_trail()
    {
        const int number = 8;
        var planId = await PlanIdAsync();
        var unit = await UnitAsync("unitShangwu", "省商务厅");
        var taskBefore = await TaskAsync(number);
        taskBefore.Status.Should().Be(PlanTaskStatus.NotStarted);
        taskBefore.Progress.Should().Be(0);
        taskBefore.Milestones.Single(m => m.Position == 0).IsDone.Should().BeFalse();
        var milestone0 = taskBefore.Milestones.Single(m => m.Position == 0).Id;

        var first = await Service.SaveAsync(unit, planId,
            Input(number, "负面清单管理已深化，意见反馈渠道已开通。", 60, milestone: 0, completedOn: new DateOnly(2022, 6, 20),
                files: [new UploadedFile("反馈渠道.pdf", Pdf)]), submit: true);
        first.Succeeded.Should().BeTrue(Describe(first));
        var firstId = first.ReportId!.Value;
        var firstView = await Service.GetAsync(Office, firstId);
        (await Service.ReturnAsync(Office, firstId, firstView!.Version, "请补充反馈渠道受理数据。")).Succeeded.Should().BeTrue();

        var revised = await Service.ReviseAsync(unit, firstId);

        revised.Succeeded.Should().BeTrue(Describe(revised));
        var revisionId = revised.ReportId!.Value;
        revisionId.Should().NotBe(firstId);
        var original = await ReportAsync(firstId);
        var revision = await ReportAsync(revisionId);
        revision.Revision.Should().Be(2);
        revision.PreviousReportId.Should().Be(firstId);
        revision.State.Should().Be(ReviewState.Draft);
        revision.Text.Should().Be(original.Text);
        revision.ClaimedProgress.Should().Be(60);
        revision.MilestoneId.Should().Be(milestone0);
        revision.MilestoneCompletedOn.Should().Be(new DateOnly(2022, 6, 20));
        var copy = revision.Attachments.Should().ContainSingle().Which;
        copy.FileName.Should().Be("反馈渠道.pdf");
        copy.Content.Should().Equal(Pdf);
        copy.Id.Should().NotBe(original.Attachments.Single().Id, "the file is copied, the returned report keeps its own");
        original.State.Should().Be(ReviewState.Returned);
        (await Service.ReviseAsync(unit, firstId)).Succeeded.Should().BeFalse("a returned report is revised once");

        const string text = "负面清单管理已深化；反馈渠道上半年受理意见120条，均已回应。";
        var resubmitted = await Service.SaveAsync(unit, planId,
            Input(number, text, 60, milestone: 0, completedOn: new DateOnly(2022, 6, 20), reportId: revisionId), submit: true);
        resubmitted.Succeeded.Should().BeTrue(Describe(resubmitted));
        var view = (await Service.GetAsync(Office, revisionId))!;
        view.State.Should().Be(ReviewState.Submitted);
        view.Revision.Should().Be(2);
        view.MilestonePosition.Should().Be(0);
        view.Attachments.Should().ContainSingle();
        var lastAudit = await Portal.LastAuditIdAsync();

        var approved = await Service.ApproveAsync(Office, revisionId, view.Version);

        approved.Succeeded.Should().BeTrue(Describe(approved));
        var report = await ReportAsync(revisionId);
        report.State.Should().Be(ReviewState.Approved);
        report.Reviewer.Should().Be("office1");
        report.ReviewedAt.Should().NotBeNull();
        var task = await TaskAsync(number);
        task.Progress.Should().Be(60);
        task.Status.Should().Be(PlanTaskStatus.InProgress);
        task.ProgressSummary.Should().Be(text);
        task.Version.Should().NotBe(taskBefore.Version);
        task.Milestones.Single(m => m.Position == 0).Should().Match<Milestone>(m => m.IsDone && m.CompletedOn == new DateOnly(2022, 6, 20));
        task.Milestones.Single(m => m.Position == 1).IsDone.Should().BeFalse();

        var audit = await Portal.AuditSinceAsync(lastAudit);
        audit.Select(a => a.Field ?? "").Should().BeEquivalentTo("Progress", "Status", "Milestone0", "ProgressSummary");
        audit.Should().OnlyContain(a => a.Action == "ApproveReport" && a.Actor == "office1" && a.PlanTaskId == task.Id);
        var mention = $"#{revisionId}";
        audit.Should().OnlyContain(a => a.Reason != null && a.Reason.Contains(mention), "the reason names the approved report");
        audit.Single(a => a.Field == "Progress").Should().Match<AuditEntry>(a => a.OldValue == "0" && a.NewValue == "60");
        audit.Single(a => a.Field == "Status").Should().Match<AuditEntry>(a => a.OldValue == "NotStarted" && a.NewValue == "InProgress");

        var timeline = await Portal.Services.GetRequiredService<TaskWorkspace>().TimelineAsync(Office, planId, number);
        timeline.Select(t => t.Id).Should().Contain(audit.Select(a => a.Id), "the approval is in the task's timeline");
    }

    [Fact]
    public async Task A_report_is_approved_once_and_only_by_the_office_with_its_current_version()
    {
        const int number = 10;
        var planId = await PlanIdAsync();
        var unit = await UnitOfTaskAsync(number, "unit10");
        var taskBefore = await TaskAsync(number);
        var id = await SubmitAsync(unit, planId, number, "规划许可与施工许可并联审批已上线。", 50);
        var version = (await ReportAsync(id)).Version;
        var lastAudit = await Portal.LastAuditIdAsync();

        (await Service.ApproveAsync(Office, id, Guid.NewGuid())).Succeeded.Should().BeFalse("a stale version is refused");
        (await Service.ApproveAsync(Leadership, id, version)).Succeeded.Should().BeFalse();
        (await Service.ApproveAsync(unit, id, version)).Succeeded.Should().BeFalse();
        (await Service.ApproveAsync(AccessScope.Nobody, id, version)).Succeeded.Should().BeFalse();
        (await ReportAsync(id)).State.Should().Be(ReviewState.Submitted);
        (await TaskAsync(number)).Should().Match<PlanTask>(t => t.Progress == taskBefore.Progress && t.Version == taskBefore.Version);
        (await Portal.AuditSinceAsync(lastAudit)).Should().BeEmpty();

        var approved = await Service.ApproveAsync(Office, id, version);
        approved.Succeeded.Should().BeTrue(Describe(approved));
        var again = await Service.ApproveAsync(Office, id, version);
        var againCurrent = await Service.ApproveAsync(Office, id, (await ReportAsync(id)).Version);

        again.Succeeded.Should().BeFalse();
        againCurrent.Succeeded.Should().BeFalse("an approved report is no longer waiting");
        (await ReportAsync(id)).State.Should().Be(ReviewState.Approved);
        (await TaskAsync(number)).Progress.Should().Be(50);
        (await Portal.AuditSinceAsync(lastAudit)).Select(a => a.Field ?? "").Should().BeEquivalentTo(new[] { "Progress", "Status", "ProgressSummary" },
            "one approval, recorded once");
    }

    [Fact]
    public async Task Attachments_are_served_to_the_owning_unit_and_to_the_office_once_submitted()
    {
        const int number = 5;
        var planId = await PlanIdAsync();
        var unit = await UnitOfTaskAsync(number, "unit5");
        var unitC = await UnitAsync("unitC", UnitC);
        (await UnitNamesAsync(number)).Should().NotContain(UnitC);

        var submittedId = await SubmitAsync(unit, planId, number, "分支机构信息变更已集中办理。", 70, [new UploadedFile("证明材料.pdf", Pdf)]);
        var draft = await Service.SaveAsync(unit, planId, Input(number, "补充照片草稿", 70, files: [new UploadedFile("现场照片.png", Png)]), submit: false);
        draft.Succeeded.Should().BeTrue(Describe(draft));
        var pdfId = (await ReportAsync(submittedId)).Attachments.Single().Id;
        var pngId = (await ReportAsync(draft.ReportId!.Value)).Attachments.Single().Id;

        var ownPdf = await Service.AttachmentAsync(unit, pdfId);
        ownPdf.Should().NotBeNull();
        ownPdf!.FileName.Should().Be("证明材料.pdf");
        ownPdf!.ContentType.Should().Be("application/pdf");
        ownPdf!.Content.Should().Equal(Pdf);
        var ownPng = await Service.AttachmentAsync(unit, pngId);
        ownPng.Should().NotBeNull("a unit reads its own drafts' files");
        ownPng!.ContentType.Should().Be("image/png");
        ownPng!.Content.Should().Equal(Png);

        (await Service.AttachmentAsync(Office, pdfId))!.Content.Should().Equal(Pdf);
        (await Service.AttachmentAsync(Leadership, pdfId)).Should().NotBeNull();
        (await Service.AttachmentAsync(Office, pngId)).Should().BeNull("the office does not see drafts");
        (await Service.AttachmentAsync(Leadership, pngId)).Should().BeNull();
        (await Service.AttachmentAsync(unitC, pdfId)).Should().BeNull("another unit's evidence");
        (await Service.AttachmentAsync(unitC, pngId)).Should().BeNull();
        (await Service.AttachmentAsync(AccessScope.Nobody, pdfId)).Should().BeNull();
        (await Service.AttachmentAsync(Office, int.MaxValue)).Should().BeNull();
    }

    [Fact]
    public async Task Units_sharing_a_task_see_only_their_own_reports()
    {
        const int number = 8;
        var planId = await PlanIdAsync();
        var unitA = await UnitAsync("unitA", UnitA);
        var unitB = await UnitAsync("unitB", UnitB);
        (await UnitNamesAsync(number)).Should().Contain(new[] { UnitA, UnitB });

        var aDraft = await Service.SaveAsync(unitA, planId, Input(number, "省市场监管局草稿", 20, files: [new UploadedFile("监管局.pdf", Pdf)]), submit: false);
        aDraft.Succeeded.Should().BeTrue(Describe(aDraft));
        var aDraftId = aDraft.ReportId!.Value;
        var aSubmitted = await SubmitAsync(unitA, planId, number, "省市场监管局已清理企业迁移限制。", 30);
        var bSubmitted = await SubmitAsync(unitB, planId, number, "省发展改革委已完善负面清单。", 40);

        var seenByB = await Service.ForTaskAsync(unitB, planId, number);
        seenByB.Select(r => r.Id).Should().Contain(bSubmitted).And.NotContain(new[] { aDraftId, aSubmitted });
        seenByB.Should().OnlyContain(r => r.LeadUnit == UnitB);
        var seenByA = await Service.ForTaskAsync(unitA, planId, number);
        seenByA.Select(r => r.Id).Should().Contain(new[] { aDraftId, aSubmitted }).And.NotContain(bSubmitted);
        seenByA.Should().OnlyContain(r => r.LeadUnit == UnitA);

        (await Service.GetAsync(unitB, aSubmitted)).Should().BeNull();
        (await Service.GetAsync(unitA, bSubmitted)).Should().BeNull();
        (await Service.AttachmentAsync(unitB, (await ReportAsync(aDraftId)).Attachments.Single().Id)).Should().BeNull();

        var hijack = await Service.SaveAsync(unitB, planId, Input(number, "改写他人草稿", 100, reportId: aDraftId), submit: true);
        hijack.Succeeded.Should().BeFalse();
        (await ReportAsync(aDraftId)).Should().Match<ProgressReport>(r =>
            r.State == ReviewState.Draft && r.Text == "省市场监管局草稿" && r.LeadUnitId == unitA.LeadUnitId);

        var seenByOffice = (await Service.ForTaskAsync(Office, planId, number)).Select(r => r.Id).ToList();
        seenByOffice.Should().Contain(new[] { aSubmitted, bSubmitted }).And.NotContain(aDraftId);
    }

    // The portal's today (Beijing's date, Clock:TimeZone), not the machine's: they differ for eight hours a day.
    private static DateOnly Today() => new ActionPlan.Web.Features.Shared.PortalClock(TimeProvider.System, new ActionPlan.Web.Features.Shared.ClockOptions()).Today;

    private static byte[] BigPdf()
    {
        var content = new byte[11 * 1024 * 1024];
        "%PDF-1.4\n"u8.CopyTo(content);
        return content;
    }

    private static ReportInput Input(int task, string? text = "本季度已按计划推进。", int progress = 30, int? milestone = null, DateOnly? completedOn = null,
        IReadOnlyList<UploadedFile>? files = null, int? reportId = null, IReadOnlyList<int>? removed = null) =>
        new(reportId, task, text, progress, milestone, completedOn, files ?? [], removed ?? []);

    private static string Describe(ReportResult result) =>
        result.Message + " " + string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Value));

    private async Task<int> SubmitAsync(AccessScope unit, int planId, int task, string text, int progress, IReadOnlyList<UploadedFile>? files = null)
    {
        var result = await Service.SaveAsync(unit, planId, Input(task, text, progress, files: files), submit: true);
        result.Succeeded.Should().BeTrue(Describe(result));
        return result.ReportId!.Value;
    }

    private Task<int> PlanIdAsync() => Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());

    private Task<int> TaskIdAsync(int number) => Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == number).Select(t => t.Id).SingleAsync());

    private async Task<AccessScope> UnitAsync(string userName, string unit)
    {
        var id = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == unit).Select(u => u.Id).SingleAsync());
        return new AccessScope(userName, false, id, false, false);
    }

    /// <summary>A user of the first unit the plan names for the task.</summary>
    private async Task<AccessScope> UnitOfTaskAsync(int number, string userName)
    {
        var id = await Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTask.Number == number)
            .OrderBy(l => l.Position).Select(l => l.LeadUnitId).FirstAsync());
        return new AccessScope(userName, false, id, false, false);
    }

    private Task<List<string>> UnitNamesAsync(int number) =>
        Portal.WithDbAsync(db => db.PlanTaskLeadUnits.Where(l => l.PlanTask.Number == number).Select(l => l.LeadUnit.Name).ToListAsync());

    private Task<(int Reports, int Attachments)> CountsAsync() =>
        Portal.WithDbAsync<(int Reports, int Attachments)>(async db => (await db.ProgressReports.CountAsync(), await db.ReportAttachments.CountAsync()));

    private Task<ProgressReport> ReportAsync(int id) =>
        Portal.WithDbAsync(db => db.ProgressReports.AsNoTracking().Include(r => r.Attachments.OrderBy(a => a.Id)).SingleAsync(r => r.Id == id));

    private Task<PlanTask> TaskAsync(int number) =>
        Portal.WithDbAsync(db => db.PlanTasks.AsNoTracking().Include(t => t.Milestones).SingleAsync(t => t.Number == number));
}

public sealed class SqliteProgressReportTests(SqlitePortal fixture) : ProgressReportTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresProgressReportTests(PostgresPortal fixture) : ProgressReportTests(fixture), IClassFixture<PostgresPortal>;

/// <summary>Rules that keep reports and task state consistent (found in review): one waiting report per unit and task, no approval that contradicts a completed task.</summary>
public abstract class ReportConsistencyTests(PortalFixture fixture)
{
    private static readonly AccessScope Office = new("office1", true, null, true, false);

    private PortalFactory Portal => fixture.Portal;

    private ProgressReports Reports => Portal.Services.GetRequiredService<ProgressReports>();

    private async Task<(int PlanId, AccessScope Unit)> SetUpAsync()
    {
        var planId = await Portal.WithDbAsync(db => db.Plans.Select(p => p.Id).SingleAsync());
        var unitId = await Portal.WithDbAsync(db => db.LeadUnits.Where(u => u.Name == "省市场监管局").Select(u => u.Id).SingleAsync());
        return (planId, new AccessScope("unitA", false, unitId, false, false));
    }

    private static ReportInput Input(int task, int progress) => new(null, task, "进展说明", progress, null, null, [], []);

    [Fact]
    public async Task A_unit_cannot_submit_a_second_report_on_a_task_while_one_waits_for_review()
    {
        var (planId, unit) = await SetUpAsync();
        (await Reports.SaveAsync(unit, planId, Input(1, 30), submit: true)).Succeeded.Should().BeTrue();

        var second = await Reports.SaveAsync(unit, planId, Input(1, 40), submit: true);

        second.Succeeded.Should().BeFalse();
        second.Errors.Should().ContainKey("Submit");
        (await Portal.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.PlanTask.Number == 1))).Should().Be(1, "nothing is stored");
        (await Reports.SaveAsync(unit, planId, Input(1, 40), submit: false)).Succeeded.Should().BeTrue("a draft may wait meanwhile");
    }

    [Fact]
    public async Task A_report_below_100_is_not_approved_onto_a_completed_task()
    {
        var (planId, unit) = await SetUpAsync();
        var saved = await Reports.SaveAsync(unit, planId, Input(3, 50), submit: true);
        await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 3)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, PlanTaskStatus.Completed).SetProperty(t => t.Progress, 100)));
        var version = (await Reports.GetAsync(Office, saved.ReportId!.Value))!.Version;

        var approved = await Reports.ApproveAsync(Office, saved.ReportId.Value, version);

        approved.Succeeded.Should().BeFalse();
        approved.Message.Should().Contain("已完成");
        (await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 3).Select(t => t.Progress).SingleAsync())).Should().Be(100);
    }

    [Fact]
    public async Task Editing_a_suspended_task_keeps_its_reason_without_asking_again()
    {
        var (planId, _) = await SetUpAsync();
        var workspace = Portal.Services.GetRequiredService<TaskWorkspace>();
        async Task<TaskEdit> FormAsync(PlanTaskStatus status, string? summary, string? reason)
        {
            var version = await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 4).Select(t => t.Version).SingleAsync());
            return new TaskEdit(4, version, 0, status, 0, summary, null, reason, []);
        }

        (await workspace.SaveAsync(Office, planId, await FormAsync(PlanTaskStatus.Suspended, null, "等待国家政策出台"))).Outcome.Should().Be(SaveOutcome.Saved);
        var edit = await workspace.SaveAsync(Office, planId, await FormAsync(PlanTaskStatus.Suspended, "已与市场监管总局沟通", null));

        edit.Outcome.Should().Be(SaveOutcome.Saved, string.Join(" ", edit.Errors.Values));
        (await Portal.WithDbAsync(db => db.PlanTasks.Where(t => t.Number == 4).Select(t => t.SuspensionReason).SingleAsync())).Should().Be("等待国家政策出台");
    }
}

public sealed class SqliteReportConsistencyTests(SqlitePortal fixture) : ReportConsistencyTests(fixture), IClassFixture<SqlitePortal>;

public sealed class PostgresReportConsistencyTests(PostgresPortal fixture) : ReportConsistencyTests(fixture), IClassFixture<PostgresPortal>;
