using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TaskAndMilestoneHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MilestoneHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MilestoneId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsDone = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MilestoneHistory", x => x.Id);
                    table.CheckConstraint("CK_MilestoneHistory_Period", "\"From\" < \"Until\"");
                    table.ForeignKey(
                        name: "FK_MilestoneHistory_Milestones_MilestoneId",
                        column: x => x.MilestoneId,
                        principalTable: "Milestones",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MilestoneHistory_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgressSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Difficulties = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskHistory", x => x.Id);
                    table.CheckConstraint("CK_TaskHistory_Period", "\"From\" < \"Until\"");
                    table.ForeignKey(
                        name: "FK_TaskHistory_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneHistory_MilestoneId_From",
                table: "MilestoneHistory",
                columns: new[] { "MilestoneId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneHistory_PlanTaskId",
                table: "MilestoneHistory",
                column: "PlanTaskId");

            migrationBuilder.CreateIndex(
                name: "IX_MilestoneHistory_Until_From",
                table: "MilestoneHistory",
                columns: new[] { "Until", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskHistory_PlanTaskId_From",
                table: "TaskHistory",
                columns: new[] { "PlanTaskId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskHistory_Until_From",
                table: "TaskHistory",
                columns: new[] { "Until", "From" });

            // Tasks and milestones as they are now, from the beginning of time: the history starts today.
            migrationBuilder.Sql("""
                INSERT INTO "TaskHistory" ("PlanTaskId", "From", "Until", "Status", "Progress", "ProgressSummary", "Difficulties")
                SELECT "Id", '0001-01-01', '9999-12-31', "Status", "Progress", "ProgressSummary", "Difficulties" FROM "PlanTasks";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MilestoneHistory" ("MilestoneId", "PlanTaskId", "From", "Until", "Due", "IsDone", "CompletedOn")
                SELECT "Id", "PlanTaskId", '0001-01-01', '9999-12-31', "Due", "IsDone", "CompletedOn" FROM "Milestones";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MilestoneHistory");

            migrationBuilder.DropTable(
                name: "TaskHistory");
        }
    }
}
