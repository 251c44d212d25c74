using ActionPlan.Data.Import;
using ActionPlan.PlanDocument;
using ActionPlan.Web.Infrastructure;

namespace ActionPlan.Web.Features.Plans;

/// <summary>
/// The <c>plan</c> verbs of the portal's executable: <c>parse</c> (no database), <c>import</c> and
/// <c>export</c>. Standard output carries only the result; logs go to standard error.
/// </summary>
public sealed record PlanCommand(string Verb, string? File, string Format, int? PlanId, string[] HostArgs)
{
    public const string Usage = """
        用法：
          plan parse <文件> [--format json|text]    解析计划文本并输出（不访问数据库）
          plan import <文件>                        导入计划文本到数据库（内容相同的文件不会重复导入）
          plan export [--format json|text] [--plan <编号>]   输出数据库中的计划（默认最新一份）
        其余以 -- 开头的参数（如 --Database:Provider=Postgres）作为配置传给程序。
        """;

    /// <summary>Null when <paramref name="args"/> is not a plan command; throws <see cref="ArgumentException"/> for a malformed one.</summary>
    public static PlanCommand? TryParse(string[] args)
    {
        if (args.Length == 0 || args[0] != "plan")
        {
            return null;
        }

        if (args.Length < 2)
        {
            throw new ArgumentException("缺少子命令。");
        }

        var verb = args[1];
        string? file = null;
        var format = "json";
        int? planId = null;
        var hostArgs = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--format" or "--plan" && i + 1 >= args.Length)
            {
                throw new ArgumentException($"{arg} 缺少取值。");
            }

            if (arg == "--format")
            {
                format = args[++i];
            }
            else if (arg == "--plan")
            {
                planId = int.TryParse(args[++i], out var id) ? id : throw new ArgumentException("--plan 需要一个数字。");
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                hostArgs.Add(arg);
                if (!arg.Contains('=') && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    hostArgs.Add(args[++i]);
                }
            }
            else if (file is null)
            {
                file = arg;
            }
            else
            {
                throw new ArgumentException($"多余的参数“{arg}”。");
            }
        }

        if (format is not ("json" or "text"))
        {
            throw new ArgumentException($"--format 只能是 json 或 text，而不是“{format}”。");
        }

        return verb switch
        {
            "parse" or "import" when file is null => throw new ArgumentException($"plan {verb} 需要一个文件路径。"),
            "parse" or "import" or "export" => new PlanCommand(verb, file is null ? null : ResolvePath(file), format, planId, hostArgs.ToArray()),
            _ => throw new ArgumentException($"未知的子命令“{verb}”。"),
        };
    }

    public bool NeedsDatabase => Verb != "parse";

    /// <summary>
    /// A relative path as the operator meant it: <c>dotnet run --project</c> starts the app in the project
    /// folder, so a path relative to the shell's folder (PWD) is tried when it is not found here.
    /// </summary>
    public static string ResolvePath(string path)
    {
        if (Path.IsPathRooted(path) || System.IO.File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var shellFolder = Environment.GetEnvironmentVariable("PWD");
        return !string.IsNullOrEmpty(shellFolder) && System.IO.File.Exists(Path.Combine(shellFolder, path))
            ? Path.Combine(shellFolder, path)
            : Path.GetFullPath(path);
    }

    /// <summary><c>plan parse</c>: reads the file and prints it, touching no database.</summary>
    public int RunParse(TextWriter output, TextWriter error)
    {
        var plan = ReadFile(File!, error);
        if (plan is null)
        {
            return 1;
        }

        Print(plan, output);
        return 0;
    }

    public async Task<int> RunWithDatabaseAsync(IServiceProvider services, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
        switch (Verb)
        {
            case "import":
            {
                if (ReadFile(File!, error) is null)
                {
                    return 1;
                }

                var source = new PlanSource(Path.GetFileName(File!), System.IO.File.ReadAllBytes(File!));
                var result = await scope.ServiceProvider.GetRequiredService<PlanImporter>().ImportAsync(source, cancellationToken);
                output.WriteLine(result.Outcome == ImportOutcome.Imported
                    ? $"已导入 {result.SourceName}：计划编号 {result.PlanId}，任务 {result.Tasks} 项，时间节点 {result.Milestones} 个，提示 {result.Warnings} 条。"
                    : $"{result.SourceName} 的内容已导入过（计划编号 {result.PlanId}），未做任何改动。");
                return 0;
            }

            default:
            {
                var plan = await scope.ServiceProvider.GetRequiredService<PlanExporter>().ExportAsync(PlanId, cancellationToken);
                if (plan is null)
                {
                    error.WriteLine(PlanId is null ? "数据库中还没有任何计划。" : $"数据库中没有编号为 {PlanId} 的计划。");
                    return 1;
                }

                Print(plan, output);
                return 0;
            }
        }
    }

    private void Print(ParsedPlan plan, TextWriter output)
    {
        if (Format == "text")
        {
            PlanSummary.Write(plan, output);
        }
        else
        {
            output.WriteLine(PlanJson.Serialize(plan));
        }
    }

    private static ParsedPlan? ReadFile(string path, TextWriter error)
    {
        if (!System.IO.File.Exists(path))
        {
            error.WriteLine($"找不到文件：{path}");
            return null;
        }

        try
        {
            return PlanParser.Parse(System.IO.File.ReadAllBytes(path));
        }
        catch (PlanFormatException ex)
        {
            error.WriteLine($"{path}：{ex.Message}");
            return null;
        }
    }
}
