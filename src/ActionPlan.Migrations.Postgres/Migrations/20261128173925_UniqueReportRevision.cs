using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UniqueReportRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_PreviousReportId",
                table: "ProgressReports");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_PreviousReportId",
                table: "ProgressReports",
                column: "PreviousReportId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgressReports_PreviousReportId",
                table: "ProgressReports");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressReports_PreviousReportId",
                table: "ProgressReports",
                column: "PreviousReportId");
        }
    }
}
