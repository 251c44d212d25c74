using System.IO.Compression;
using System.Text.RegularExpressions;

namespace ActionPlan.Web.Features.Reports;

/// <summary>
/// Checks an uploaded evidence file (佐证材料) by its content, not its name: pdf, doc/docx, xls/xlsx,
/// jpg/png only, at most 10 MB; the stored name is sanitised and its extension follows the content.
/// </summary>
public static partial class EvidenceFile
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerReport = 5;
    public const string Accept = ".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png";

    public sealed record Checked(string FileName, string ContentType);

    /// <summary>The sanitised name and the detected type, or the Chinese reason the file is refused.</summary>
    public static (Checked? File, string? Error) Inspect(string fileName, byte[] content)
    {
        var shown = Path.GetFileName(fileName);
        if (content.Length == 0)
        {
            return (null, $"文件“{shown}”是空文件。");
        }

        if (content.Length > MaxBytes)
        {
            return (null, $"文件“{shown}”超过 10 MB。");
        }

        var kind = Detect(content);
        if (kind is null)
        {
            return (null, $"文件“{shown}”不是允许的类型（仅限 pdf、doc、docx、xls、xlsx、jpg、png），或内容与扩展名不符。");
        }

        var extension = Path.GetExtension(shown).ToLowerInvariant();
        if (!kind.Value.Extensions.Contains(extension))
        {
            return (null, $"文件“{shown}”的内容是 {kind.Value.Extensions[0].TrimStart('.')} 文件，与扩展名“{extension}”不符。");
        }

        return (new Checked(Sanitize(shown, extension), kind.Value.ContentType), null);
    }

    private readonly record struct Kind(string ContentType, string[] Extensions);

    private static Kind? Detect(byte[] c)
    {
        if (Starts(c, "%PDF-"u8))
        {
            return new Kind("application/pdf", [".pdf"]);
        }

        if (Starts(c, [0xFF, 0xD8, 0xFF]))
        {
            return new Kind("image/jpeg", [".jpg", ".jpeg"]);
        }

        if (Starts(c, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return new Kind("image/png", [".png"]);
        }

        if (Starts(c, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // Legacy Office (OLE2): Word and Excel share the container; the extension picks which.
            return new Kind("application/octet-stream", [".doc", ".xls"]);
        }

        if (Starts(c, "PK\u0003\u0004"u8))
        {
            return OfficeOpenXml(c);
        }

        return null;
    }

    /// <summary>A zip is docx or xlsx only when it has the parts of one.</summary>
    private static Kind? OfficeOpenXml(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Contains("word/document.xml"))
            {
                return new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
            }

            if (names.Contains("xl/workbook.xml"))
            {
                return new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
            }
        }
        catch (InvalidDataException)
        {
        }

        return null;
    }

    private static bool Starts(byte[] content, ReadOnlySpan<byte> signature) => content.AsSpan().StartsWith(signature);

    /// <summary>Keeps letters (Chinese included), digits and a few marks; never a path, at most 100 characters.</summary>
    public static string Sanitize(string fileName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        stem = UnsafeCharacters().Replace(stem, "_").Trim('.', ' ', '_');
        if (stem.Length == 0)
        {
            stem = "附件";
        }

        return (stem.Length > 100 ? stem[..100] : stem) + extension;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}\-_. （）()]")]
    private static partial Regex UnsafeCharacters();
}
