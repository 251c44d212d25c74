using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ActionPlan.Web.Features.Accounts;
using ActionPlan.Web.Features.Dispatch;
using ActionPlan.Web.Features.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace ActionPlan.IntegrationTests;

/// <summary>
/// The .docx 调度通报 as LibreOffice lays it out: converted to PDF with Debian's soffice (libreoffice-writer,
/// which test.sh installs; a missing soffice fails the test), checked with poppler's pdfinfo, pdftotext and
/// pdffonts, and its first two pages saved as PNGs in the screenshots folder to look at. SQLite only: the layout
/// does not depend on the database, and the report's numbers are compared on both in <see cref="DispatchReportTests"/>.
/// </summary>
public sealed partial class DispatchDocumentRenderingTests(SqlitePortal fixture) : IClassFixture<SqlitePortal>
{
    private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// The 公文 fonts are not on a Debian machine, and fontconfig would give every one of them the same sans-serif
    /// face. For soffice only, this points the 宋 and 仿宋 styles at Noto Serif CJK (the title bold, as 小标宋 is heavy)
    /// and 黑体 at Noto Sans CJK, so that the pictures show serif body text under sans-serif headings as in print.
    /// </summary>
    private const string StandInFonts = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig>
          <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
          <match target="pattern">
            <test name="family"><string>方正小标宋简体</string></test>
            <edit name="family" mode="prepend" binding="strong"><string>Noto Serif CJK SC</string></edit>
            <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>
          </match>
          <alias binding="strong"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="strong"><family>楷体_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="strong"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
          <alias binding="strong"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
        </fontconfig>
        """;

    private static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("ACTIONPLAN_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(Path.GetTempPath(), "actionplan-screenshots");

    [Fact]
    public async Task LibreOffice_prints_the_document_on_A4_with_its_title_and_summary()
    {
        var plan = (await fixture.Portal.Services.GetRequiredService<CurrentPlan>().GetAsync())!;
        var report = await fixture.Portal.Services.GetRequiredService<DispatchReportQueries>()
            .LoadAsync(new AccessScope("office1", true, null, true, false), plan, new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 20));
        var work = Directory.CreateTempSubdirectory("actionplan-docx-");
        try
        {
            var docx = Path.Combine(work.FullName, "dispatch.docx");
            await File.WriteAllBytesAsync(docx, await fixture.Client.GetByteArrayAsync(DispatchEndpoints.DocumentPath + "?month=2022-06&asof=2022-06-20"));

            var fonts = Path.Combine(work.FullName, "fonts.conf");
            await File.WriteAllTextAsync(fonts, StandInFonts);

            // A profile of its own: a second soffice on the machine (or a crashed one's lock) cannot block this one.
            await RunAsync("soffice", ConversionTimeout, new Dictionary<string, string> { ["FONTCONFIG_FILE"] = fonts }, "--headless", "--norestore", $"-env:UserInstallation=file://{work.FullName}/profile",
                "--convert-to", "pdf", "--outdir", work.FullName, docx);
            var pdf = Path.Combine(work.FullName, "dispatch.pdf");
            File.Exists(pdf).Should().BeTrue("soffice writes dispatch.pdf next to the document");

            // The pictures first, so that a failure below can be looked at.
            Directory.CreateDirectory(ScreenshotFolder);
            File.Copy(docx, Path.Combine(ScreenshotFolder, "dispatch-docx.docx"), overwrite: true);
            File.Copy(pdf, Path.Combine(ScreenshotFolder, "dispatch-docx.pdf"), overwrite: true);
            foreach (var number in new[] { "1", "2" })
            {
                await RunAsync("pdftoppm", TimeSpan.FromSeconds(30), "-png", "-r", "60", "-f", number, "-l", number, "-singlefile", pdf, Path.Combine(ScreenshotFolder, $"dispatch-docx-{number}"));
                File.Exists(Path.Combine(ScreenshotFolder, $"dispatch-docx-{number}.png")).Should().BeTrue();
            }

            var info = await RunAsync("pdfinfo", TimeSpan.FromSeconds(30), pdf);
            var size = PageSize().Match(info);
            size.Success.Should().BeTrue(info);
            double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture).Should().BeApproximately(595.3, 1, "A4 is 595.3 × 841.9 pt");
            double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture).Should().BeApproximately(841.9, 1);
            int.Parse(Pages().Match(info).Groups[1].Value, CultureInfo.InvariantCulture).Should().BeGreaterThan(1, "the tables run onto further pages");

            // Line breaks and the spacing of the character grid do not matter, only the words.
            var text = Whitespace().Replace(await RunAsync("pdftotext", TimeSpan.FromSeconds(30), pdf, "-"), "");
            text.Should().Contain(Whitespace().Replace(DispatchWorkbook.Title(report), ""));
            var firstSentence = report.Summary[..(report.Summary.IndexOf('。') + 1)];
            text.Should().Contain(Whitespace().Replace(firstSentence, ""));
            text.Should().Contain("—1—", "the first page is numbered").And.Contain("—2—");

            // Headings in 黑体 and the body in 仿宋 reach the page as different faces.
            var faces = await RunAsync("pdffonts", TimeSpan.FromSeconds(30), pdf);
            faces.Should().Contain("NotoSerifCJK", "the title and body are set in 小标宋 and 仿宋").And.Contain("NotoSansCJK", "the headings are set in 黑体");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs a tool to its end and returns its output; fails with what it wrote when it cannot start, fails, or overruns.</summary>
    private static Task<string> RunAsync(string tool, TimeSpan timeout, params string[] arguments) => RunAsync(tool, timeout, new Dictionary<string, string>(), arguments);

    private static async Task<string> RunAsync(string tool, TimeSpan timeout, Dictionary<string, string> environment, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed ({e.Message}); ./test.sh installs libreoffice-writer and poppler-utils.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var overrun = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(overrun.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within {timeout.TotalSeconds} s: {await error}{await output}");
            }

            var written = $"{await error}{await output}";
            process.ExitCode.Should().Be(0, $"{tool} {string.Join(' ', arguments)} wrote: {written}");
            return await output;
        }
    }

    [GeneratedRegex(@"Page size:\s+(\d+(?:\.\d+)?) x (\d+(?:\.\d+)?) pts")]
    private static partial Regex PageSize();

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex Pages();

    [GeneratedRegex(@"\s")]
    private static partial Regex Whitespace();
}
