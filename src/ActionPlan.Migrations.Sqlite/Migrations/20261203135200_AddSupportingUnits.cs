using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSupportingUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PlanTaskSupportingUnits",
                columns: table => new
                {
                    PlanTaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeadUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanTaskSupportingUnits", x => new { x.PlanTaskId, x.LeadUnitId });
                    table.ForeignKey(
                        name: "FK_PlanTaskSupportingUnits_LeadUnits_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "LeadUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanTaskSupportingUnits_PlanTasks_PlanTaskId",
                        column: x => x.PlanTaskId,
                        principalTable: "PlanTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanTaskSupportingUnits_LeadUnitId",
                table: "PlanTaskSupportingUnits",
                column: "LeadUnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanTaskSupportingUnits");
        }
    }
}
