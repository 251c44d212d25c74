using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ActionPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProgressReportsAndTaskAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SuspensionReason",
                table: "PlanTasks",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanTaskId",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<int>(type: "integer", nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    PreviousReportId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ClaimedProgress = table.Column<int>(type: "integer", nullable: false),
                    MilestoneId = table.Column<int>(type: "integer", nullable: true),
                    MilestoneCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedOrder = table.Column<long>(type: "bigint", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reviewer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressReports", x => x.Id);
                    table.CheckConstraint("CK_ProgressReports_ClaimedProgress", "\"ClaimedProgress\" >= 0 AND \"ClaimedProgress\" <= 100");
                    table.ForeignKey(
                        name: "FK_ProgressReports_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReports_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressReports_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgressReports_ProgressReports_PreviousReportId",
                        column: x => x.PreviousReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgressReportId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportAttachments_ProgressReports_ProgressReportId",
                        column: x => x.ProgressReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_PlanTaskId",
                table: "AuditEntries",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_LeadUnitId",
                table: "ProgressReports",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_MilestoneId",
                table: "ProgressReports",
                column: "MilestoneId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_PlanTaskId",
                table: "ProgressReports",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_PreviousReportId",
                table: "ProgressReports",
                column: "PreviousReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_State_SubmittedOrder",
                table: "ProgressReports",
                columns: new[] { "State", "SubmittedOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportAttachments_ProgressReportId",
                table: "ReportAttachments",
                column: "ProgressReportId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportAttachments");

            migrationBuilder.DropTable(
                name: "ProgressReports");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_PlanTaskId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SuspensionReason",
                table: "PlanTasks");

            migrationBuilder.DropColumn(
                name: "PlanTaskId",
                table: "AuditEntries");
        }
    }
}
