using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportingRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RoundId",
                table: "ProgressReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RoundId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportingRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DomainId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportingRounds", x => x.Id);
                    table.CheckConstraint("CK_ReportingRounds_Period", "\"PeriodStart\" <= \"PeriodEnd\"");
                    table.ForeignKey(
                        name: "FK_ReportingRounds_Domains_DomainId",
                        column: x => x.DomainId,
                        principalTable: "Domains",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportingRounds_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpectedReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
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

            migrationBuilder.CreateTable(
                name: "ReportChases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    BatchOrder = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportChases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportChases_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportChases_ReportingRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ReportingRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_RoundId",
                table: "ProgressReports",
                column: "RoundId");

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

            migrationBuilder.CreateIndex(
                name: "IX_ReportChases_BatchOrder",
                table: "ReportChases",
                column: "BatchOrder");

            migrationBuilder.CreateIndex(
                name: "IX_ReportChases_LeadUnitId",
                table: "ReportChases",
                column: "LeadUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportChases_RoundId_LeadUnitId_Step",
                table: "ReportChases",
                columns: new[] { "RoundId", "LeadUnitId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingRounds_DomainId",
                table: "ReportingRounds",
                column: "DomainId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingRounds_PlanId_Name",
                table: "ReportingRounds",
                columns: new[] { "PlanId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ProgressReports_ReportingRounds_RoundId",
                table: "ProgressReports",
                column: "RoundId",
                principalTable: "ReportingRounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProgressReports_ReportingRounds_RoundId",
                table: "ProgressReports");

            migrationBuilder.DropTable(
                name: "ExpectedReports");

            migrationBuilder.DropTable(
                name: "ReportChases");

            migrationBuilder.DropTable(
                name: "ReportingRounds");

            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_RoundId",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "RoundId",
                table: "ProgressReports");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "RoundId",
                table: "Notifications");
        }
    }
}
