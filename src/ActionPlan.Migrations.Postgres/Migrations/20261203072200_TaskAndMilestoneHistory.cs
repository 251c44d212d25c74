using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ActionPlan.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MilestoneId = table.Column<int>(type: "integer", nullable: false),
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    IsDone = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanTaskId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    Until = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "integer", nullable: false),
                    ProgressSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Difficulties = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                SELECT "Id", DATE '0001-01-01', DATE '9999-12-31', "Status", "Progress", "ProgressSummary", "Difficulties" FROM "PlanTasks";
                """);
            migrationBuilder.Sql("""
                INSERT INTO "MilestoneHistory" ("MilestoneId", "PlanTaskId", "From", "Until", "Due", "IsDone", "CompletedOn")
                SELECT "Id", "PlanTaskId", DATE '0001-01-01', DATE '9999-12-31', "Due", "IsDone", "CompletedOn" FROM "Milestones";
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
