using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoundsCountExpectedReportsWhenRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoundMemberships",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Included = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundMemberships", x => new { x.RoundId, x.PlanTaskId });
                    table.ForeignKey(
                        name: "FK_RoundMemberships_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundMemberships_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundSubmissions",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundSubmissions", x => new { x.RoundId, x.PlanTaskId, x.LeadUnitId });
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundSubmissions_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RoundMemberships_PlanTaskId",
                table: "RoundMemberships",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundSubmissions_LeadUnitId",
                table: "RoundSubmissions",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundSubmissions_PlanTaskId",
                table: "RoundSubmissions",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundSubmissions_ReportId",
                table: "RoundSubmissions",
                column: "ReportId");
            // What the rounds received stays; what they expected is counted from the tasks from now on, and a
            // closed round keeps, where that differs, whether a task was asked as it had been (a task counts as
            // asked where one of its expected reports was still missing, as the old rows recorded it).
            migrationBuilder.Sql("""
                INSERT INTO "RoundSubmissions" ("RoundId", "PlanTaskId", "LeadUnitId", "ReportId", "FirstSubmittedOn")
                SELECT "RoundId", "PlanTaskId", "LeadUnitId", "ReportId", "FirstSubmittedOn" FROM "ExpectedReports"
                WHERE "ReportId" IS NOT NULL AND "FirstSubmittedOn" IS NOT NULL;
                INSERT INTO "RoundMemberships" ("RoundId", "PlanTaskId", "Included")
                SELECT r."Id", t."Id", t."ClosedAt" IS NOT NULL
                FROM "ReportingRounds" r JOIN "PlanTasks" t ON t."PlanId" = r."PlanId" AND (r."DomainId" IS NULL OR t."DomainId" = r."DomainId")
                WHERE r."ClosedAt" IS NOT NULL
                  AND (t."ClosedAt" IS NULL) <> EXISTS (SELECT 1 FROM "ExpectedReports" e WHERE e."RoundId" = r."Id" AND e."PlanTaskId" = t."Id" AND e."FirstSubmittedOn" IS NULL);
                """);

            migrationBuilder.DropTable(
                name: "ExpectedReports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RoundMemberships");

            migrationBuilder.DropTable(
                name: "RoundSubmissions");

            migrationBuilder.CreateTable(
                name: "ExpectedReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpectedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpectedReports_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExpectedReports_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpectedReports_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ExpectedReports_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedReports_LeadUnitId_RoundId",
                table: "ExpectedReports",
                columns: new[] { "LeadUnitId", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedReports_PlanTaskId",
                table: "ExpectedReports",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedReports_ReportId",
                table: "ExpectedReports",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpectedReports_RoundId_PlanTaskId_LeadUnitId",
                table: "ExpectedReports",
                columns: new[] { "RoundId", "PlanTaskId", "LeadUnitId" },
                unique: true);
        }
    }
}
