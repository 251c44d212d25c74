using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ArchivePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ArchivedAt",
                table: "Plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ArchivedBy",
                table: "Plans",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ArchivedBy",
                table: "Plans");
        }
    }
}
