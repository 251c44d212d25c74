using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ActionPlan.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NotificationDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Notifications_Alerts_AlertId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_AlertId_UserId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_NotifiedAt",
                table: "Alerts");

            migrationBuilder.RenameColumn(
                name: "AlertId",
                table: "Notifications",
                newName: "BatchOrder");

            migrationBuilder.AddColumn<int>(
                name: "AlertCount",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BatchAt",
                table: "Notifications",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<long>(
                name: "NotifiedOrder",
                table: "Alerts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_BatchOrder",
                table: "Notifications",
                columns: new[] { "UserId", "BatchOrder" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_NotifiedOrder",
                table: "Alerts",
                column: "NotifiedOrder");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_BatchOrder",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Alerts_NotifiedOrder",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "AlertCount",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "BatchAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "NotifiedOrder",
                table: "Alerts");

            migrationBuilder.RenameColumn(
                name: "BatchOrder",
                table: "Notifications",
                newName: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AlertId_UserId",
                table: "Notifications",
                columns: new[] { "AlertId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_NotifiedAt",
                table: "Alerts",
                column: "NotifiedAt");

            migrationBuilder.AddForeignKey(
                name: "FK_Notifications_Alerts_AlertId",
                table: "Notifications",
                column: "AlertId",
                principalTable: "Alerts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
