using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsFinal",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "PlanTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "PlanTasks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosingReportId",
                table: "PlanTasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDue",
                table: "Milestones",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExtensionRequests", x => x.Id);
                    table.CheckConstraint("CK_ExtensionRequests_Later", "\"RequestedDue\" > \"CurrentDue\"");
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExtensionRequests_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionSlips",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Matter = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EscalatedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionSlips", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionSlips_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionSlips_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionSlips_SupervisionSlips_EscalatedFromId",
                        column: x => x.EscalatedFromId,
                        principalTable: "SupervisionSlips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SlipRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SlipId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextPlan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlipRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlipRecipients_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SlipRecipients_SupervisionSlips_SlipId",
                        column: x => x.SlipId,
                        principalTable: "SupervisionSlips",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SlipReplyAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SlipReplyAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SlipReplyAttachments_SlipRecipients_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "SlipRecipients",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTasks_ClosingReportId",
                table: "PlanTasks",
                column: "ClosingReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_LeadUnitId",
                table: "ExtensionRequests",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_MilestoneId",
                table: "ExtensionRequests",
                column: "MilestoneId",
                unique: true,
                filter: "\"State\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_ExtensionRequests_State_MilestoneId",
                table: "ExtensionRequests",
                columns: new[] { "State", "MilestoneId" });

            migrationBuilder.CreateIndex(
                name: "IX_SlipRecipients_LeadUnitId",
                table: "SlipRecipients",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SlipRecipients_SlipId_LeadUnitId",
                table: "SlipRecipients",
                columns: new[] { "SlipId", "LeadUnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SlipReplyAttachments_RecipientId",
                table: "SlipReplyAttachments",
                column: "RecipientId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSlips_EscalatedFromId",
                table: "SupervisionSlips",
                column: "EscalatedFromId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSlips_MilestoneId",
                table: "SupervisionSlips",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSlips_Number",
                table: "SupervisionSlips",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSlips_PlanTaskId",
                table: "SupervisionSlips",
                column: "PlanTaskId");

            migrationBuilder.AddForeignKey(
                name: "FK_PlanTasks_ProgressReports_ClosingReportId",
                table: "PlanTasks",
                column: "ClosingReportId",
                principalTable: "ProgressReports",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanTasks_ProgressReports_ClosingReportId",
                table: "PlanTasks");

            migrationBuilder.DropTable(
                name: "ExtensionRequests");

            migrationBuilder.DropTable(
                name: "SlipReplyAttachments");

            migrationBuilder.DropTable(
                name: "SlipRecipients");

            migrationBuilder.DropTable(
                name: "SupervisionSlips");

            migrationBuilder.DropIndex(
                name: "IX_PlanTasks_ClosingReportId",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "IsFinal",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "ClosingReportId",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "OriginalDue",
                table: "Milestones");
        }
    }
}
