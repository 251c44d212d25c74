using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ActionPlan.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "PlanTasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "PlanTasks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClosingReportId",
                table: "PlanTasks",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "OriginalDue",
                table: "Milestones",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExtensionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MilestoneId = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<int>(type: "integer", nullable: false),
                    CurrentDue = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedDue = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false),
                    MilestoneId = table.Column<int>(type: "integer", nullable: true),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Matter = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReplyBy = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    EscalatedFromId = table.Column<int>(type: "integer", nullable: true),
                    EscalatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SlipId = table.Column<int>(type: "integer", nullable: false),
                    LeadUnitId = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NextPlan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
