"""The Chinese of every command's `--help`, beside the other words (`words.py`), in one place.

The English help lives in the typer signatures (`cli/commands/`), which the fast path's table, completion and
the CLI reference read; here each English sentence has its Chinese, keyed by the English text itself, so that a
sentence shared by several commands (`--json`, `--force`, the id arguments) is translated once. Under `--lang
zh` (or `LLMLANDING_LANG=zh`, or a zh_* locale) `cli/zhhelp.py` puts these in place of the English before typer
formats the help, and says the framework's own words (Usage, Options, errors) in Chinese.

How to add a command: give it its English help as usual, then add each of its new sentences here, the English
exactly as in the signature. `tests/test_zh_help.py` walks every command's `--help` under zh and names each
sentence that has no Chinese yet.
"""

from __future__ import annotations

HELP_ZH: dict[str, str] = {
    # the program and its global options
    "Track your way through the LLMLanding roadmap of large language models.": (
        "跟着 LLMLanding 大模型学习路线图一步步学下去，记录你走到了哪里。"
    ),
    "Language of titles and labels. [default: zh under a zh_* locale, else en]": (
        "标题和界面的语言。[默认：zh_* 区域设置下为 zh，否则为 en]"
    ),
    "Use another roadmap file. [default: the bundled LLMLanding roadmap]": (
        "使用另一个路线图文件。[默认：自带的 LLMLanding 路线图]"
    ),
    "Folder for your progress data. [default: the per-user app folder]": "存放学习进度的文件夹。[默认：用户应用目录]",
    "Print the version and exit.": "显示版本号并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前 shell 的补全脚本，可复制或自定义安装。"
    ),
    # shared by several commands
    "Print JSON (see docs/json.md) instead of a view.": "输出 JSON（见 docs/json.md），而不是界面。",
    "Overwrite files that exist.": "覆盖已存在的文件。",
    "Where to write it; - is stdout.": "写到哪里；- 表示标准输出。",
    "Chapters, sections or topics; a chapter or section means all its topics.": (
        "章、节或主题；章或节表示其下的全部主题。"
    ),
    "A chapter (3), section (3.2) or topic (3.2.1).": "一章（3）、一节（3.2）或一个主题（3.2.1）。",
    "Only this chapter or section.": "只看这一章或这一节。",
    "Time spent on it, e.g. 45m or 1h30m (optional).": "花费的时间，如 45m 或 1h30m（可选）。",
    "Only its N-th paper (as numbered by show and open). [default: all]": (
        "只处理它的第 N 篇论文（编号同 show 和 open）。[默认：全部]"
    ),
    "A bundled edition, e.g. 2024-12-28. [default: the roadmap file's own edition]": (
        "自带的某一版，如 2024-12-28。[默认：路线图文件自己的版本]"
    ),
    # next, done, start, skip, reset, undo
    "What to study now: the first topic in progress, else the first not started, with why.": (
        "现在学什么：第一个进行中的主题，否则第一个未开始的主题，并说明理由。"
    ),
    "Show the next N items. [default: 1]": "显示接下来的 N 项。[默认：1]",
    "Only within this item (may be optional).": "只在这一项之内挑选（可以是选学内容）。",
    "Follow this learning path instead of the active one.": "按这条学习路径，而不是当前路径。",
    "Tick items off: all three phases, or one with --phase.": "勾掉条目：三个阶段全部完成，或用 --phase 只勾一个阶段。",
    "Tick off one phase only: theory|read (原理学习), practice|code (代码实践), summary|write (输出总结).": (
        "只勾掉一个阶段：theory|read（原理学习）、practice|code（代码实践）、summary|write（输出总结）。"
    ),
    "With --phase summary: do not offer to write the missing note.": (
        "与 --phase summary 一起用：不提示补写缺少的笔记。"
    ),
    "Mark items as in progress.": "把条目标为进行中。",
    "Skip items: they no longer count towards completion.": "跳过条目：它们不再计入完成度。",
    "Set items back to not started.": "把条目恢复为未开始。",
    "Revert your last change; run it again to go further back.": "撤销上一次改动；再运行一次可继续往前撤销。",
    # status, path, goal, log
    "Overall and per-chapter progress, streak, pace, a 12-week calendar and an estimated finish date.": (
        "总进度和各章进度、连续天数、学习速度、12 周日历和预计完成日期。"
    ),
    "Also save the status screen as an SVG picture.": "同时把进度界面保存为 SVG 图片。",
    "Overwrite the SVG file if it exists.": "SVG 文件已存在时覆盖它。",
    "List the learning paths with their progress, or choose the active one.": "列出学习路径及其进度，或选择当前路径。",
    "Make this the active learning path.": "把这条设为当前学习路径。",
    "Set a weekly target or a date to finish by, or see where you stand against it.": (
        "设定每周目标或完成日期，或查看你离目标还有多远。"
    ),
    "Topics a week to aim for, e.g. 3 (or 3/week).": "每周计划完成的主题数，如 3（或 3/week）。",
    "Be done with the active path by this date.": "在这一天之前学完当前路径。",
    "Drop the goal.": "取消目标。",
    "The history of changes, newest first, one line each.": "改动历史，最新的在前，每条一行。",
    "Only changes to this item.": "只看这一项的改动。",
    "How many changes to show. [default: 20, or all with --since/--until]": (
        "显示多少条改动。[默认：20；给了 --since/--until 时为全部]"
    ),
    "Only changes on or after this day: 2026-11-20, yesterday, 7d.": (
        "只看这一天及以后的改动：2026-11-20、yesterday、7d。"
    ),
    "Only changes on or before this day.": "只看这一天及以前的改动。",
    # week
    "This week's recap: topics and phases finished, notes written, time spent.": (
        "本周回顾：完成的主题和阶段、写下的笔记、所用时间。"
    ),
    "Last week (Monday to Sunday) instead of this one.": "回顾上一周（周一到周日），而不是本周。",
    "Write the recap as markdown to FILE; - is stdout.": "把回顾以 markdown 写入 FILE；- 表示标准输出。",
    # notes
    "Write the note on an item in $VISUAL/$EDITOR (markdown), or append a paragraph with -m.": (
        "用 $VISUAL/$EDITOR 编辑某一项的笔记（markdown），或用 -m 追加一段。"
    ),
    "Append TEXT as a dated paragraph, without an editor.": "不打开编辑器，把 TEXT 作为带日期的一段追加进去。",
    "Print one item's note, or list the items that have notes.": "显示某一项的笔记，或列出有笔记的条目。",
    "Print this item's note as it is.": "原样显示这一项的笔记。",
    # search, open
    "Find items by their titles (both languages), papers, links and notes.": (
        "按标题（中英文）、论文、链接和笔记查找条目。"
    ),
    "Words to find (all must match).": "要查找的词（须全部匹配）。",
    "How many items to show.": "显示多少项。",
    "Open an item's link in the browser (the first link by default) and print the address.": (
        "在浏览器中打开某一项的链接（默认第一个）并显示地址。"
    ),
    "The item whose link to open.": "要打开其链接的条目。",
    "Open its N-th paper (as numbered by show).": "打开它的第 N 篇论文（编号同 show）。",
    "Open its N-th link (as numbered by show).": "打开它的第 N 个链接（编号同 show）。",
    # list, show, orphans, move
    "Show the roadmap as a tree: chapters, sections and topics.": "以树形显示路线图：章、节和主题。",
    "Only this item and what is below it.": "只显示这一项及其下的内容。",
    "Levels to show: 1 = chapters only. [default: 2, or all below ID]": (
        "显示几层：1 = 只显示章。[默认：2，或 ID 之下的全部]"
    ),
    "Show one item: both titles, where it sits, what it holds, its papers and links.": (
        "显示一项：中英文标题、所在位置、包含的内容、论文和链接。"
    ),
    "List the ids no longer in the roadmap that still hold your progress, notes or linked code.": (
        "列出已不在路线图中、但仍保存着你的进度、笔记或关联代码的编号。"
    ),
    "Give an orphan's progress, note and linked code to an item of the roadmap, in one undoable change.": (
        "把孤立记录的进度、笔记和关联代码转给路线图中的一项，作为一次可撤销的改动。"
    ),
    "An id no longer in the roadmap (see `orphans`).": "已不在路线图中的编号（见 `orphans`）。",
    # papers
    "The paper library: every paper once, with where it is listed, its year, arXiv id and read mark.": (
        "论文库：每篇论文列一次，附出处、年份、arXiv 编号和已读标记。"
    ),
    "Only the papers at or below this item. [default: the whole roadmap]": "只看这一项及其下的论文。[默认：整个路线图]",
    "Only the papers not read yet.": "只看还没读的论文。",
    "Only the papers read.": "只看已读的论文。",
    "Mark an item's papers read (all of them, or one with --paper); a paper listed elsewhere is read there too.": (
        "把某一项的论文标为已读（全部，或用 --paper 指定一篇）；在别处也列出的论文在那里也算已读。"
    ),
    "Take back read marks: an item's papers, or one with --paper.": (
        "取消已读标记：某一项的论文，或用 --paper 指定一篇。"
    ),
    # import, export
    "Restore a JSON backup (merged by event id), or tick off the items of a markdown task list.": (
        "恢复 JSON 备份（按事件编号合并），或按 markdown 任务列表勾掉条目。"
    ),
    "A backup (.json) or a markdown task list (.md).": "备份文件（.json）或 markdown 任务列表（.md）。",
    "Write your progress and notes as markdown, or everything as JSON.": (
        "把进度和笔记导出为 markdown，或把全部导出为 JSON。"
    ),
    "A markdown progress report: overall, per chapter, charts, and every topic as a task with its note.": (
        "markdown 进度报告：总进度、各章进度、图表，每个主题一条任务并附笔记。"
    ),
    "Every note as markdown, one file per chapter with front matter, ready for a blog or a vault.": (
        "把全部笔记导出为 markdown，每章一个带 front matter 的文件，可直接用于博客或笔记库。"
    ),
    "The folder to write into.": "写入的文件夹。",
    "The coming weeks' study plan as an iCalendar file: the active path's topics at your goal's rate (or your\n"
    "pace), on the days you study, as all-day events that a newer export updates.": (
        "把未来几周的学习计划导出为 iCalendar 文件：按目标（或你的速度）安排当前路径的主题，"
        "放在你学习的日子里，作为全天事件，再次导出时会更新。"
    ),
    "How many weeks ahead to plan.": "计划未来几周。",
    "A complete backup: every change ever logged (progress, phases, notes) and the active path.": (
        "完整备份：记录过的每一次改动（进度、阶段、笔记）和当前路径。"
    ),
    "The roadmap's papers as BibTeX, each once: arXiv papers with eprint and archivePrefix, all with url.": (
        "把路线图的论文导出为 BibTeX，每篇一次：arXiv 论文带 eprint 和 archivePrefix，全部带 url。"
    ),
    "Only the papers you have read.": "只导出你读过的论文。",
    # sync, practice, team
    "Sync your journal (progress and notes as text in git) with your other machines.": (
        "与你的其他机器同步学习日志（以文本形式存在 git 中的进度和笔记）。"
    ),
    "Show what is not synced yet, and the remote.": "显示尚未同步的内容和远程仓库。",
    "Create (or adopt) the journal repository in your home, optionally with a remote.": (
        "在数据目录中创建（或接管）日志仓库，可同时指定远程仓库。"
    ),
    "https://, ssh:// or user@host:path URL, or a local repository.": (
        "https://、ssh:// 或 user@host:path 地址，或本地仓库。"
    ),
    "Your name in a shared journal. [default: git's]": "你在共享日志中的名字。[默认：git 配置的名字]",
    "Link your own code repositories to topics: the roadmap's hands-on phase (代码实践).": (
        "把你自己的代码仓库关联到主题：路线图的代码实践阶段。"
    ),
    "Record a repository as a topic's hands-on code; if it has commits, the practice phase is done.": (
        "把一个仓库记为某主题的实践代码；仓库有提交时，代码实践阶段即算完成。"
    ),
    "The topic.": "主题。",
    "A git repository on this machine.": "本机上的一个 git 仓库。",
    "A shared journal's board: every learner's progress per chapter, and what each is on now.": (
        "共享日志的看板：每位学习者各章的进度，以及各自正在学什么。"
    ),
    # review
    "Review what you finished: recall each topic due today, check it against your note, rate how well you\n"
    "remembered; the next review is scheduled from your ratings (FSRS).": (
        "复习学完的内容：回想今天到期的每个主题，对照你的笔记，评价记得如何；下次复习按你的评分安排（FSRS）。"
    ),
    "With ID and --rating: rate its N-th paper (in review by read --review).": (
        "与 ID 和 --rating 一起用：给它的第 N 篇论文评分（用 read --review 加入复习的论文）。"
    ),
    "Put the papers in spaced review too (llmlanding review).": "同时把这些论文加入间隔复习（llmlanding review）。",
    "Review this topic only, due or not. [default: every topic due today]": (
        "只复习这一个主题，不管是否到期。[默认：今天到期的全部主题]"
    ),
    "Rate ID without the loop: again, hard, good or easy (1-4, or a h g e).": (
        "不进入复习循环，直接给 ID 评分：again、hard、good 或 easy（1-4，或 a h g e）。"
    ),
    "List what is due today and what comes next, with dates.": "列出今天到期和接下来要复习的内容，附日期。",
    # study
    "Study in a full-screen view: the roadmap tree, the selected item, one key per action (? lists them).": (
        "在全屏界面中学习：路线图树、所选条目，每个操作一个按键（? 列出全部按键）。"
    ),
    # mcp
    "Serve your roadmap, progress and notes to an AI assistant: an MCP server on stdin/stdout.\n\n"
    "Needs the optional extra: pip install 'llmlanding[mcp]'. Read-only unless --allow-writes.": (
        "把你的路线图、进度和笔记提供给 AI 助手：一个在 stdin/stdout 上的 MCP 服务器。\n\n"
        "需要可选依赖：pip install 'llmlanding[mcp]'。除非加 --allow-writes，否则只读。"
    ),
    "Let the assistant record phases done, notes and review ratings (log marks them; undo works).": (
        "允许助手记录完成的阶段、笔记和复习评分（log 中会标明；可用 undo 撤销）。"
    ),
    # check
    "Check the database, every logged change, the search index and the journal; exit 1 if anything is wrong.": (
        "检查数据库、每条记录的改动、搜索索引和日志；有问题时退出码为 1。"
    ),
    "Move bad changes into the quarantine (kept in backups, never deleted) and rebuild the progress table and the "
    "search index.": "把有问题的改动移入隔离区（保存在备份中，从不删除），并重建进度表和搜索索引。",
    # curriculum
    "Your roadmaps: list, add and choose them; check roadmap files, make one from markdown; upgrade editions.": (
        "你的路线图：列出、添加和选择；检查路线图文件，从 markdown 生成；升级版本。"
    ),
    "List the roadmaps of this home, bundled and added, with edition, progress and file; the active one marked.": (
        "列出数据目录中的路线图（自带的和添加的），附版本、进度和文件，并标出当前路线图。"
    ),
    "Check a roadmap file and register it in this home under its id; its progress is kept apart from every\n"
    "other roadmap's.": "检查路线图文件并按其编号登记到数据目录；它的进度与其他路线图分开保存。",
    "A roadmap file (YAML).": "路线图文件（YAML）。",
    "Register it even if its id is registered to another file.": "即使该编号已登记给另一个文件，也照样登记。",
    "Make a roadmap the active one: commands run without --curriculum use it (remembered).": (
        "把一个路线图设为当前路线图：不带 --curriculum 的命令都用它（会记住）。"
    ),
    "A roadmap id, as `curriculum list` shows.": "路线图编号，见 `curriculum list`。",
    "Check a roadmap file and print its counts, or every problem as FILE:LINE:COL: message.": (
        "检查路线图文件并显示统计，或以 文件:行:列: 说明 的形式列出每个问题。"
    ),
    "The roadmap file to check. [default: the active roadmap]": "要检查的路线图文件。[默认：当前路线图]",
    "Make a roadmap file from a markdown roadmap: headings become chapters and sections, list items and table\n"
    "rows topics, links links, arXiv links papers.": (
        "从 markdown 路线图生成路线图文件：标题成为章和节，列表项和表格行成为主题，链接成为链接，arXiv 链接成为论文。"
    ),
    "A markdown roadmap: a README, an awesome-list.": "markdown 路线图：README 或 awesome 列表。",
    "The language of the file's text. [default: guessed from its titles]": "文件正文的语言。[默认：根据标题推断]",
    "The roadmap's id. [default: from its title or file name]": "路线图的编号。[默认：取自标题或文件名]",
    "Show what upgrading to another edition of the roadmap would do: items moved, merged, split, removed and\n"
    "added, and where your progress and notes would go.": (
        "显示升级到路线图另一版会怎样：条目的移动、合并、拆分、删除和新增，以及你的进度和笔记会去哪里。"
    ),
    "Carry your progress and notes to another edition of the roadmap, after a backup, as one change that\n"
    "`undo` takes back.": "先备份，再把你的进度和笔记带到路线图的另一版，作为一次可用 `undo` 撤销的改动。",
    "Upgrade without asking.": "不询问，直接升级。",
}

# The framework's own words in typer's help and usage errors, as (English pattern, Chinese) regular expressions
# applied line by line; `\1` and on stand for what the English quoted.
FRAME_ZH: list[tuple[str, str]] = [
    (r"^Usage: ", "用法："),
    (r"^Options:$", "选项："),
    (r"^Arguments:$", "参数："),
    (r"^Commands:$", "命令："),
    (r"\[required\]", "[必填]"),
    (r"Show this message and exit\.", "显示此帮助并退出。"),
    (r"\[default: ", "[默认："),
    (r"\[env var:\s+", "[环境变量："),
    (r"^Try '(.+)' for help\.$", r"运行 '\1' 查看帮助。"),
    (r"^Error: ", "错误："),
    (r"No such command '(.+?)'\.", r"没有命令 '\1'。"),
    (r" Did you mean (.+)\?", r"你是不是想输入 \1？"),
    (r"No such option: (\S+)", r"没有选项 \1"),
    (r"Missing argument '(.+?)'\.", r"缺少参数 '\1'。"),
    (r"Missing option '(.+?)'\.", r"缺少选项 '\1'。"),
    (r"Missing command\.", "缺少命令。"),
    (r"Invalid value for (.+?): ", r"\1 的值无效："),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"多余的参数（\1）"),
    (r"Input should be a valid integer(?:, unable to parse string as an integer)?", "要写成整数"),
    (r"Input should be a valid number(?:, unable to parse string as a number)?", "要写成数字"),
    (r"Input should be greater than or equal to (\S+)", r"不能小于 \1"),
    (r"Input should be less than or equal to (\S+)", r"不能大于 \1"),
    (r"Input should be greater than (\S+)", r"要大于 \1"),
    (r"Input should be less than (\S+)", r"要小于 \1"),
    (r"Option '(.+?)' requires an argument\.", r"选项 '\1' 需要一个值。"),
    (r"Value error, ", ""),
    (r"'(.+?)' is not one of (.+)\.", r"'\1' 不在可选值 \2 之中。"),
    (r"(\S+) is not in the range (.+)\.", r"\1 不在范围 \2 之内。"),
]
