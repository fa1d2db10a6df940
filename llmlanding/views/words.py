"""Every Chinese and English word the views show, in one place, so that a translation is edited once and the two
languages cannot drift apart between commands.

How to add a message:

* Add an entry to `MESSAGES`: the id is `area.name` (the command or view it belongs to, then what it says, in
  lower case with underscores, e.g. `sync.pushed`), the value is `{"zh": "…", "en": "…"}`, both always present.
* Values go in as `str.format` fields, `{remote}`, named the same in both languages, and are passed by name:
  `msg(lang, "sync.pushed", remote=url)`. Every text goes through `str.format`, so a literal brace is written
  `{{` or `}}`. Format specs work too (`{percent:.1f}`), but prefer formatting numbers in the caller.
* Keep symbols (✓, !, ·) and markup that both languages share in the calling code; put whole sentences here
  when the two languages order their parts differently (see `change.with_phase`).
* Reuse an id only where the text plays the same part (the same label, the same column) and should change
  with it; otherwise add a new one, even if today's words happen to be equal.
* `problems()` lists entries missing a language or with different fields in zh and en; a test can assert
  that it is empty.

Word lists that are data rather than messages (the names of the phases and statuses, the change verbs, counted
nouns) are dictionaries keyed by language then by the domain's value: `PHASE_WORDS[lang][phase]`.

This module is imported on every `next` and `status`, so it is plain literals and standard-library functions:
no imports at run time beyond `typing`, which is already loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from llmlanding.views.shapes import TitleJSON

LANGS = ("zh", "en")


MESSAGES: dict[str, dict[str, str]] = {
    # Shared by several views.
    "trail.in": {"zh": "所属", "en": "In"},
    "refs.papers": {"zh": "论文", "en": "Papers"},
    "refs.links": {"zh": "链接", "en": "Links"},
    # `list` and `show`
    "show.note": {"zh": "笔记", "en": "Note"},
    "show.children": {"zh": "包含", "en": "Contents"},
    "show.optional": {"zh": "选学", "en": "optional"},
    # `orphans`, `move`, and `show` of an id no longer in the roadmap
    "report.orphans": {"zh": "已不在路线图中的记录", "en": "No longer in the roadmap"},
    "orphans.none": {
        "zh": "没有孤立的记录：你的进度和笔记都在路线图的条目上。",
        "en": "No orphans: all your progress and notes are on items of the roadmap.",
    },
    "orphans.head": {
        "zh": "{n} 个编号已不在路线图中，仍保存着你的记录：",
        "en": "{n} ids no longer in the roadmap still hold your work:",
    },
    "orphans.hint": {
        "zh": "用 `llmlanding move {id} 新编号` 把它的进度和笔记移到路线图的条目上（可撤销）",
        "en": "`llmlanding move {id} NEW` gives its progress and note to an item of the roadmap (undoable)",
    },
    "orphans.gone": {"zh": "已不在路线图中", "en": "no longer in the roadmap"},
    "orphans.progress": {"zh": "进度", "en": "progress"},
    "orphans.note": {"zh": "笔记", "en": "note"},
    "orphans.code": {"zh": "关联代码", "en": "linked code"},
    "show.todo_note": {
        "zh": "上游标记 ToDo：路线图作者尚未写好这部分材料",
        "en": "upstream ToDo: the roadmap's author has not written this material yet",
    },
    # `curriculum validate`
    "curriculum.counts": {
        "zh": "{chapters} 章 · {sections} 节 · {topics} 个主题 · {papers} 篇论文 · {links} 个链接",
        "en": "{chapters} chapters · {sections} sections · {topics} topics · {papers} papers · {links} links",
    },
    # `next`
    "next.title": {"zh": "下一步", "en": "Next"},
    "next.phase": {"zh": "阶段", "en": "Phase"},
    "next.why": {"zh": "理由", "en": "Why"},
    "next.why_doing": {"zh": "已在学习中", "en": "already in progress"},
    "next.why_todo": {"zh": "第一个尚未开始的主题", "en": "the first topic not started yet"},
    "next.in_path": {"zh": "学习路径 {name}", "en": "in path {name}"},
    "next.in_item": {"zh": "{name} 之内", "en": "within {name}"},
    "next.all_done": {
        "zh": "全部完成：{scope} 中的每个主题都已完成或跳过（{done}/{total}）。",
        "en": "All done: every topic {scope} is done or skipped ({done}/{total}).",
    },
    "next.start_with": {"zh": "从 {phase} 开始", "en": "start with {phase}"},
    "next.then": {"zh": "接下来：{phase}", "en": "then {phase}"},
    "next.todo_note": {"zh": "上游 ToDo", "en": "upstream ToDo"},
    # `status`, `path` and the dashboard
    "status.main": {"zh": "主线", "en": "Main roadmap"},
    "status.optional": {"zh": "选学", "en": "Optional"},
    "status.path": {"zh": "路径", "en": "Path"},
    "status.chapter": {"zh": "章", "en": "Chapter"},
    "status.done": {"zh": "完成", "en": "Done"},
    "status.doing": {"zh": "进行中", "en": "doing"},
    "status.skipped": {"zh": "已跳过", "en": "skipped"},
    "status.orphans": {
        "zh": "{n} 个已不在路线图中的条目仍有进度（孤立）：{ids}；见 `llmlanding orphans`",
        "en": "{n} items no longer in the roadmap still have progress (orphaned): {ids}; see `llmlanding orphans`",
    },
    "status.upgrade": {
        "zh": "路线图文件是 {new} 版，你的记录在 {old} 版上：`llmlanding curriculum diff` 预览升级，"
        "`llmlanding curriculum upgrade` 执行（可撤销）",
        "en": "The roadmap file is edition {new}; your record is on edition {old}: `llmlanding curriculum diff` "
        "shows what an upgrade would do, `llmlanding curriculum upgrade` does it (undoable)",
    },
    "redirect.moved": {"zh": "{old} 自 {edition} 版起是 {new}", "en": "{old} is {new} since edition {edition}"},
    "redirect.split": {
        "zh": "{old} 在 {edition} 版拆分为 {new}；请指明其中一个",
        "en": "{old} became {new} in edition {edition}; give one of them",
    },
    "upgrade.head": {
        "zh": "从 {old} 版升级到 {new} 版（{file}）",
        "en": "Upgrade from edition {old} to {new} ({file})",
    },
    "upgrade.kept": {"zh": "不变 {n}", "en": "kept {n}"},
    "upgrade.moved": {"zh": "移动 {n}", "en": "moved {n}"},
    "upgrade.merged": {"zh": "合并 {n}", "en": "merged {n}"},
    "upgrade.split": {"zh": "拆分 {n}", "en": "split {n}"},
    "upgrade.removed": {"zh": "删除 {n}", "en": "removed {n}"},
    "upgrade.added": {"zh": "新增 {n}", "en": "added {n}"},
    "upgrade.moved_list": {"zh": "移动", "en": "moved"},
    "upgrade.merged_list": {"zh": "合并", "en": "merged"},
    "upgrade.split_list": {"zh": "拆分", "en": "split"},
    "upgrade.removed_list": {"zh": "删除", "en": "removed"},
    "upgrade.added_list": {"zh": "新增", "en": "added"},
    "upgrade.work": {"zh": "你的记录", "en": "Your work"},
    "upgrade.work_stays": {"zh": "所有记录都留在原编号上。", "en": "Everything stays on the ids it has."},
    "upgrade.orphaned": {
        "zh": "留在旧编号上（孤立，见 `llmlanding orphans`）：{ids}",
        "en": "stays under its old id (orphaned; see `llmlanding orphans`): {ids}",
    },
    "upgrade.confirm": {"zh": "升级？", "en": "Upgrade?"},
    "upgrade.cancelled": {"zh": "未升级。", "en": "Not upgraded."},
    "upgrade.done": {
        "zh": "已升级到 {new} 版：{changes} 处变更，备份在 {backup}；`llmlanding undo` 可撤销",
        "en": "Upgraded to edition {new}: {changes} changes, a backup in {backup}; `llmlanding undo` takes it back",
    },
    "dashboard.doing": {"zh": "正在学习", "en": "In progress"},
    "run.interrupted": {"zh": "已中断", "en": "interrupted"},  # Ctrl-C
    # errors, as `cli/output.py` prints them
    "error.prefix": {"zh": "错误：", "en": "error: "},
    "error.unknown_item": {"zh": "没有编号为 '{id}' 的条目", "en": "no item '{id}'"},
    "error.did_you_mean": {"zh": "（你是不是想找 {ids}？）", "en": " (did you mean {ids}?)"},
    # errors raised with a key (LLMLandingError(..., key=...)): their words in each language, the fields theirs
    "error.choice": {
        "zh": "{option} 的值无效：只能是 {names}，而不是 '{value}'",
        "en": "{option} takes {names}; not '{value}'",
    },
    "error.choice_close": {
        "zh": "{option} 的值无效：只能是 {names}，而不是 '{value}'（你是不是想写 {meant}？）",
        "en": "{option} takes {names}; not '{value}' (did you mean {meant}?)",
    },
    "error.time_format": {
        "zh": "--time 要写成时长，如 45m、1h30m 或 2h，而不是 '{text}'",
        "en": "--time takes a duration like 45m, 1h30m or 2h, not '{text}'",
    },
    "error.time_range": {
        "zh": "--time 要在 1 分钟到 24 小时之间，而不是 '{text}'",
        "en": "--time takes from 1 minute to 24 hours, not '{text}'",
    },
    "error.goal_one": {
        "zh": "只能给一种：每周主题数、--by 日期 或 --clear",
        "en": "give one of: a number of topics a week, --by DATE, --clear",
    },
    "error.goal_date": {
        "zh": "--by 要写成日期，如 2027-06-30，而不是 '{by}'",
        "en": "--by takes a date like 2027-06-30, not '{by}'",
    },
    "error.goal_past": {
        "zh": "--by {by} 已经过去了；请给今天或以后的日期",
        "en": "--by {by} is in the past; give a date from today on",
    },
    "error.goal_number": {
        "zh": "目标是每周 1 到 1000 个主题（如 3 或 3/week），而不是 '{target}'",
        "en": "a goal is a number of topics a week from 1 to 1000 (e.g. 3 or 3/week), not '{target}'",
    },
    "error.no_folder": {
        "zh": "没有文件夹 {folder}；请先创建它，或换一个路径",
        "en": "no folder {folder}; create it first, or give another path",
    },
    "error.exists": {"zh": "{path} 已存在；用 --force 覆盖", "en": "{path} already exists; use --force to overwrite"},
    "error.exists_more": {
        "zh": "{path} 已存在（另有 {more} 个）；用 --force 覆盖",
        "en": "{path} already exists (and {more} more); use --force to overwrite",
    },
    "error.no_roadmap": {
        "zh": "这个数据目录里没有路线图 '{id}'（已有：{known}）；用 `llmlanding curriculum add 文件` 登记一个",
        "en": "no roadmap '{id}' in this home (known: {known}); register one with `llmlanding curriculum add FILE`",
    },
    "error.no_file": {"zh": "没有文件 {path}", "en": "no file {path}"},
    "error.move_in_roadmap": {
        "zh": "{id} 还在路线图中；move 只转移孤立记录的内容（见 `orphans`）",
        "en": "{id} is in the roadmap; move takes the work of an orphan (see `orphans`)",
    },
    "error.move_nothing": {
        "zh": "'{id}' 下没有保存任何内容；`llmlanding orphans` 列出仍保存着内容的编号",
        "en": "nothing is kept under '{id}'; `llmlanding orphans` lists the ids that hold work",
    },
    "error.no_path": {
        "zh": "没有名为 '{path}' 的学习路径（已有：{known}）",
        "en": "no learning path '{path}' (paths: {known})",
    },
    # Every other error raised with a key, by area: what the learner typed, files, the roadmap, backups, the
    # database, the journal.
    # -- options and values
    "error.unread_and_read": {"zh": "--unread 和 --read 只能给一个", "en": "give --unread or --read, not both"},
    "error.paper_and_link": {"zh": "--paper 和 --link 只能给一个", "en": "give --paper or --link, not both"},
    "error.until_before_since": {
        "zh": "--until {until} 早于 --since {since}",
        "en": "--until {until} is before --since {since}",
    },
    "error.date_format": {
        "zh": "{option} 要写成日期，如 2026-11-20、today、yesterday、7d 或 2w，而不是 '{text}'",
        "en": "{option} takes a date like 2026-11-20, today, yesterday, 7d or 2w; not '{text}'",
    },
    "error.phase_with_done": {
        "zh": "--phase 只能是 {phases} 之一，并且要和 done 一起用",
        "en": "--phase must be one of {phases} and goes with done",
    },
    "error.time_one_item": {
        "zh": "--time 只能用于一个条目：记下花在它上面的时间",
        "en": "--time goes with one item: the time spent on it",
    },
    "error.lang": {
        "zh": "{option} 只能是 zh 或 en，而不是 '{value}'",
        "en": "{option} must be zh or en, not '{value}'",
    },
    "error.now_format": {
        "zh": "{var} 要写成带时区偏移的 ISO 8601 时间，如 2026-03-01T09:00:00Z，而不是 '{value}'",
        "en": "{var} must be an ISO 8601 time with an offset, like 2026-03-01T09:00:00Z, not '{value}'",
    },
    "error.search_empty": {
        "zh": "search 至少需要一个词，如 llmlanding search lora",
        "en": "search needs at least one word, e.g. llmlanding search lora",
    },
    "error.study_terminal": {
        "zh": "study 需要在终端里运行；脚本请用 next、show、done 等命令",
        "en": "study needs a terminal; for scripts use next, show, done and the other commands",
    },
    # -- papers, links and `open`
    "error.no_papers": {"zh": "{id} 没有论文", "en": "{id} has no papers"},
    "error.no_links": {"zh": "{id} 没有链接", "en": "{id} has no links"},
    "error.no_papers_one_link": {
        "zh": "{id} 没有论文；它有 1 个链接：llmlanding open {id} --link N",
        "en": "{id} has no papers; it has 1 link: llmlanding open {id} --link N",
    },
    "error.no_papers_links": {
        "zh": "{id} 没有论文；它有 {n} 个链接：llmlanding open {id} --link N",
        "en": "{id} has no papers; it has {n} links: llmlanding open {id} --link N",
    },
    "error.no_links_one_paper": {
        "zh": "{id} 没有链接；它有 1 篇论文：llmlanding open {id} --paper N",
        "en": "{id} has no links; it has 1 paper: llmlanding open {id} --paper N",
    },
    "error.no_links_papers": {
        "zh": "{id} 没有链接；它有 {n} 篇论文：llmlanding open {id} --paper N",
        "en": "{id} has no links; it has {n} papers: llmlanding open {id} --paper N",
    },
    "error.one_paper": {"zh": "{id} 只有一篇论文：--paper 1", "en": "{id} has one paper: --paper 1"},
    "error.one_link": {"zh": "{id} 只有一个链接：--link 1", "en": "{id} has one link: --link 1"},
    "error.paper_range": {
        "zh": "{id} 有 {n} 篇论文；--paper 只能是 1 到 {n}",
        "en": "{id} has {n} papers; --paper takes 1 to {n}",
    },
    "error.link_range": {
        "zh": "{id} 有 {n} 个链接；--link 只能是 1 到 {n}",
        "en": "{id} has {n} links; --link takes 1 to {n}",
    },
    "error.nothing_to_open": {"zh": "{id} 没有可打开的链接或论文", "en": "{id} has no links or papers to open"},
    "error.not_http": {
        "zh": "拒绝打开 '{url}'：只打开 http(s) 地址",
        "en": "refusing to open '{url}': only http(s) addresses are opened",
    },
    "error.open_range": {
        "zh": "{id} 有 {n} 个可打开的地址；请给出 1 到 {n} 之间的数字",
        "en": "{id} has {n} addresses to open; give a number from 1 to {n}",
    },
    "error.browser_failed": {
        "zh": "$BROWSER 是 '{setting}'，无法运行；地址已打印在上方",
        "en": "$BROWSER is '{setting}', which could not be run; the address is printed above",
    },
    # -- topics, moves, practice code
    "error.move_to_topic": {
        "zh": "{id} 下面还有主题；请把进度移到其中一个上，如 {first}",
        "en": "{id} has topics; move progress onto one of them, e.g. {first}",
    },
    "error.link_to_topic": {
        "zh": "{id} 下面还有主题；请把代码关联到其中一个上，如 {first}",
        "en": "{id} has topics; link the code to one of them, e.g. {first}",
    },
    "error.not_a_repo": {"zh": "{path} 不是 git 仓库", "en": "{path} is not a git repository"},
    "error.no_repo_folder": {"zh": "没有文件夹 {path}", "en": "no folder {path}"},
    # -- review
    "error.rating": {
        "zh": "评分只能是 again、hard、good 或 easy（1-4，或 a h g e），而不是 '{text}'",
        "en": "a rating is again, hard, good or easy (1-4, or a h g e), not '{text}'",
    },
    "error.review_list_alone": {
        "zh": "--list 列出全部卡片：不要同时给出编号、--paper 或 --rating",
        "en": "--list shows every card: give it without ID, --paper or --rating",
    },
    "error.review_paper_needs": {
        "zh": "--paper 要和编号及 --rating 一起用：llmlanding review ID --paper N --rating good",
        "en": "--paper goes with an ID and --rating: llmlanding review ID --paper N --rating good",
    },
    "error.review_rating_needs": {
        "zh": "--rating 需要给出要评分的主题：llmlanding review ID --rating good",
        "en": "--rating needs the topic it rates: llmlanding review ID --rating good",
    },
    "error.review_json": {
        "zh": "--json 只能和 --list 或 --rating 一起用：复习过程要向你提问",
        "en": "--json goes with --list or --rating: the review loop asks you questions",
    },
    "error.not_in_review": {
        "zh": "{id} 还不在复习中：主题的输出总结完成后才进入复习（llmlanding done {id} --phase summary）",
        "en": "{id} is not in review yet: a topic enters review when its written summary is done "
        "(llmlanding done {id} --phase summary)",
    },
    "error.paper_not_in_review": {
        "zh": "{id} 的第 {paper} 篇论文不在复习中：llmlanding read {id} --paper {paper} --review",
        "en": "paper {paper} of {id} is not in review: llmlanding read {id} --paper {paper} --review",
    },
    "error.review_not_topic": {
        "zh": "{id} 不是主题：只有主题才复习（llmlanding review --list）",
        "en": "{id} is not a topic: only topics are reviewed (llmlanding review --list)",
    },
    # -- notes and the editor
    "error.note_m_empty": {
        "zh": "{id} 的笔记没有可添加的内容：-m 后面要写文字",
        "en": "nothing to add to the note of {id}: -m needs some text",
    },
    "error.note_empty_text": {
        "zh": "{id} 的笔记没有可添加的内容：文字是空的",
        "en": "nothing to add to the note of {id}: the text is empty",
    },
    "error.note_too_long": {"zh": "未添加到 {id} 的笔记：{reason}", "en": "not added to the note of {id}: {reason}"},
    "error.note_empty": {
        "zh": "{id} 的笔记是空的；没有保存任何内容",
        "en": "the note on {id} is empty; nothing was saved",
    },
    "error.no_editor": {
        "zh": "找不到编辑器：请设置 $EDITOR（如 export EDITOR=nano），或用 -m '笔记内容' 直接添加文字",
        "en": "no editor found: set $EDITOR (e.g. export EDITOR=nano), or add text with -m 'your note'",
    },
    "error.editor_not_found": {
        "zh": "${var} 是 '{value}'，但找不到 '{editor}'；请设为已安装的编辑器",
        "en": "${var} is '{value}', but '{editor}' was not found; set it to an installed editor",
    },
    "error.editor_failed": {
        "zh": "无法运行编辑器 '{editor}'：{reason}",
        "en": "could not run the editor '{editor}': {reason}",
    },
    "error.editor_exit": {
        "zh": "编辑器 '{editor}' 以退出码 {code} 结束；笔记没有改变",
        "en": "the editor '{editor}' exited with code {code}; the note was not changed",
    },
    "error.editor_not_utf8": {
        "zh": "编辑后的笔记不是 UTF-8 文本；笔记没有改变",
        "en": "the edited note is not UTF-8 text; the note was not changed",
    },
    # -- the assistant
    "error.writes_off": {
        "zh": "写入已关闭：学习者要用 `llmlanding mcp --allow-writes` 启动服务器才允许写入",
        "en": "writes are off: the learner starts the server with `llmlanding mcp --allow-writes` to allow them",
    },
    "error.mcp_missing": {
        "zh": "llmlanding mcp 需要 MCP SDK 2（mcp>=2.3,<3），它是可选组件：pip install 'llmlanding[mcp]'",
        "en": "llmlanding mcp needs the MCP SDK 2 (mcp>=2.3,<3), an optional extra: pip install 'llmlanding[mcp]'",
    },
    # -- files read and written
    "error.is_folder": {"zh": "{path} 是文件夹；请给出文件名", "en": "{path} is a folder; give a file name"},
    "error.not_a_folder": {"zh": "{folder} 是文件，不是文件夹", "en": "{folder} is a file, not a folder"},
    "error.outside_folder": {
        "zh": "拒绝写入 {folder} 之外的 '{name}'",
        "en": "refusing to write '{name}' outside {folder}",
    },
    "error.cannot_read": {"zh": "无法读取 {path}：{reason}", "en": "cannot read {path}: {reason}"},
    "error.too_large": {
        "zh": "{path} 超过 {mib} MiB；它真是路线图吗？",
        "en": "{path} is larger than {mib} MiB; is it a roadmap?",
    },
    "error.not_utf8": {
        "zh": "{path}:{line}: 不是 UTF-8 文本；请把文件存为 UTF-8",
        "en": "{path}:{line}: not UTF-8 text; save the file as UTF-8",
    },
    "error.bad_id": {"zh": "--id：{reason}", "en": "--id: {reason}"},
    "error.nothing_to_convert": {
        "zh": "{path} 中没有可以做成路线图的标题、列表项或表格行",
        "en": "{path} has no headings, list items or table rows to make a roadmap from",
    },
    # -- roadmaps and editions
    "error.not_roadmap": {"zh": "{path} 不是路线图", "en": "{path} is not a roadmap"},
    "error.roadmap_problem": {"zh": "{path} 有 1 处问题", "en": "{path} has 1 problem"},
    "error.roadmap_problems": {"zh": "{path} 有 {n} 处问题", "en": "{path} has {n} problems"},
    "error.roadmap_not_found": {"zh": "找不到路线图文件：{path}", "en": "roadmap file not found: {path}"},
    "error.roadmap_is_folder": {
        "zh": "路线图路径是文件夹，不是文件：{path}",
        "en": "roadmap path is a folder, not a file: {path}",
    },
    "error.roadmap_denied": {
        "zh": "无法读取路线图文件 {path}：没有权限",
        "en": "cannot read roadmap file {path}: permission denied",
    },
    "error.roadmap_path_chars": {
        "zh": "{path}：路线图文件的路径不能含有制表符或换行",
        "en": "{path}: a roadmap file's path cannot hold tabs or line breaks",
    },
    "error.roadmap_taken": {
        "zh": "路线图 '{id}' 已登记为 {where}；加 --force 改为登记 {path}",
        "en": "roadmap '{id}' is registered to {where}; add --force to register {path} in its place",
    },
    "error.roadmap_taken_bundled": {
        "zh": "路线图 '{id}' 已登记为内置路线图；加 --force 改为登记 {path}",
        "en": "roadmap '{id}' is registered to the bundled roadmap; add --force to register {path} in its place",
    },
    "error.no_edition": {
        "zh": "没有内置版本 '{edition}'（内置：{known}）；或用 --curriculum 指定文件",
        "en": "no bundled edition '{edition}' (bundled: {known}); or give the file with --curriculum",
    },
    "error.edition_no_revises": {
        "zh": "路线图文件没有写明它修订哪个版本，因此无法升级版本 '{edition}'",
        "en": "the roadmap file states no edition it revises, so it cannot upgrade edition '{edition}'",
    },
    "error.edition_mismatch": {
        "zh": "路线图文件（{new} 版）修订的是 {revises} 版，但这个数据目录在 {old} 版",
        "en": "the roadmap file (edition {new}) revises edition {revises}, but this home is on edition {old}",
    },
    "error.edition_unknown_map": {
        "zh": "修订映射中的 {ids} 在 {edition} 版中不存在；请修正映射",
        "en": "the revision maps {ids}, which edition {edition} does not have; fix its map",
    },
    # -- backups (`import`)
    "error.bad_json": {
        "zh": "{path}:{line}:{col}: 不是有效的 JSON：{reason}",
        "en": "{path}:{line}:{col}: not valid JSON: {reason}",
    },
    "error.backup_too_deep": {
        "zh": "{path}: 不是备份：JSON 嵌套太深",
        "en": "{path}: not a backup: its JSON is nested too deeply",
    },
    "error.not_backup": {
        "zh": "{path} 不是 llmlanding 的备份（备份由 `llmlanding export json` 生成）",
        "en": "{path} is not an llmlanding backup (made by `llmlanding export json`)",
    },
    "error.backup_version": {
        "zh": "{path} 是第 {version} 版备份；这个 llmlanding 只读第 {reads} 版",
        "en": "{path} is backup version {version}; this llmlanding reads version {reads}",
    },
    "error.backup_lists": {
        "zh": "{path}: 'batches'、'events' 和 'quarantine' 必须是列表",
        "en": "{path}: 'batches', 'events' and 'quarantine' must be lists",
    },
    "error.backup_problems": {
        "zh": "{path}: {problems}；未导入任何内容",
        "en": "{path}: {problems}; nothing was imported",
    },
    "error.backup_other_roadmap": {
        "zh": "{path} 是路线图 '{theirs}' 的备份，不是当前路线图 '{ours}' 的；未导入任何内容；"
        "请到那份路线图中导入：先 `llmlanding curriculum use {theirs}`，再导入一次",
        "en": "{path} is a backup of roadmap '{theirs}', not of '{ours}', the roadmap in use; nothing was imported; "
        "import it there: `llmlanding curriculum use {theirs}`, then import it again",
    },
    "error.backup_other_roadmap_file": {
        "zh": "{path} 是路线图 '{theirs}' 的备份，不是当前路线图 '{ours}' 的；未导入任何内容；"
        "请到那份路线图中导入：用 `--curriculum 文件` 指定它的文件运行，或 `curriculum add 文件`",
        "en": "{path} is a backup of roadmap '{theirs}', not of '{ours}', the roadmap in use; nothing was imported; "
        "import it there: run with `--curriculum FILE` naming that roadmap's file, or `curriculum add FILE`",
    },
    # -- the system: a file operation that failed (`reason` in the learner's language by OS_REASONS)
    "error.os_error": {"zh": "{reason}", "en": "{reason}"},
    "error.os_error_at": {"zh": "{reason}：{path}", "en": "{reason}: {path}"},
    # -- the database
    "error.damaged": {
        "zh": "{path} 不是可用的 llmlanding 数据库（{reason}）；它没有被改动；最新的备份：{backup}",
        "en": "{path} is not a usable llmlanding database ({reason}); it was left untouched; latest backup: {backup}",
    },
    "error.damaged_no_backup": {
        "zh": "{path} 不是可用的 llmlanding 数据库（{reason}）；它没有被改动；{backup} 中没有备份",
        "en": "{path} is not a usable llmlanding database ({reason}); it was left untouched; no backup in {backup}",
    },
    "error.empty": {
        "zh": "{path} 是空文件（0 字节），没有任何进度；它没有被改动；用 `cp {backup} {path}` 恢复最新的备份，"
        "或删除它重新开始（`rm {path}`）",
        "en": "{path} is empty (0 bytes) and holds no progress; it was left untouched; restore the newest backup "
        "with `cp {backup} {path}`, or start afresh by deleting it (`rm {path}`)",
    },
    "error.empty_no_backup": {
        "zh": "{path} 是空文件（0 字节），没有任何进度；它没有被改动；{backup} 中没有备份；"
        "删除它即可重新开始（`rm {path}`）",
        "en": "{path} is empty (0 bytes) and holds no progress; it was left untouched; no backup in {backup}; "
        "start afresh by deleting it (`rm {path}`)",
    },
    "error.busy": {
        "zh": "{path} 正忙：另一个 llmlanding 占用它已超过 {seconds} 秒；请稍后再试",
        "en": "{path} is busy: another llmlanding has held it for over {seconds} s; try again in a moment",
    },
    "error.disk_full": {"zh": "{path}：磁盘已满；没有任何改动", "en": "{path}: the disk is full; nothing was changed"},
    "error.disk_refused": {
        "zh": "{path}：磁盘拒绝了读写（{reason}；是不是满了？）；没有任何改动",
        "en": "{path}: the disk refused a write or read ({reason}; is it full?); nothing was changed",
    },
    "error.read_only_home": {
        "zh": "{folder} 无法写入：llmlanding 可以在这里显示你的进度，但不能修改",
        "en": "{folder} cannot be written: llmlanding can show your progress here, but not change it",
    },
    "error.cannot_write": {"zh": "{path} 无法写入：{reason}", "en": "{path} cannot be written: {reason}"},
    "error.sqlite": {"zh": "{path}：{reason}", "en": "{path}: {reason}"},
    "error.newer_schema": {
        "zh": "{path} 由更新版本的 llmlanding 写入（数据库结构 v{version}，这个版本最高认识 v{known}）；"
        "请升级 llmlanding，如 pip install -U llmlanding",
        "en": "{path} was written by a newer llmlanding (schema v{version}; this one knows up to v{known}); "
        "upgrade llmlanding, e.g. pip install -U llmlanding",
    },
    "error.home_folder": {
        "zh": "无法创建数据目录 {folder}：{reason}",
        "en": "cannot create the home folder {folder}: {reason}",
    },
    "error.create_db": {
        "zh": "无法在 {folder} 中创建数据库：{reason}",
        "en": "cannot create the database in {folder}: {reason}",
    },
    "error.no_database": {"zh": "{path} 处没有数据库", "en": "no database at {path}"},
    # -- the journal (`sync`, `team`)
    "error.no_journal": {
        "zh": "还没有同步日志：用你们小组的仓库运行 `llmlanding sync init --remote URL`",
        "en": "no journal yet: run `llmlanding sync init --remote URL` with your group's repository",
    },
    "error.no_journal_at": {
        "zh": "{path} 处没有同步日志；请先运行 `llmlanding sync init`",
        "en": "no journal at {path}; run `llmlanding sync init` first",
    },
    "error.no_git": {
        "zh": "没有安装 git，或它不在 PATH 上（{reason}）；同步日志需要它",
        "en": "git is not installed or not on PATH ({reason}); the journal needs it",
    },
    "error.remote_refused": {
        "zh": "拒绝远程地址 '{url}'：{reason}；请用 https://、ssh:// 或 user@host:path 地址，或已有 git 仓库的路径",
        "en": "refusing remote '{url}': {reason}; use an https://, ssh:// or user@host:path URL, "
        "or the path of an existing git repository",
    },
    "error.remote_password": {
        "zh": "拒绝远程地址 '{url}'：它含有密码，git 会把密码明文保存在 .git/config 里；"
        "请改用 git 凭据助手（git help credential）或 SSH 远程地址",
        "en": "refusing remote '{url}': it holds a password, which git would keep in plain text in .git/config; "
        "use a git credential helper (git help credential) or an SSH remote instead",
    },
    "error.journal_bare": {
        "zh": "{path} 是裸 git 仓库；同步日志需要工作区",
        "en": "{path} is a bare git repository; a journal needs a working tree",
    },
    "error.journal_in_way": {
        "zh": "{path} 挡住了路：同步日志需要那里是一个文件夹",
        "en": "{path} is in the way: the journal needs a directory there",
    },
    "error.journal_create": {
        "zh": "无法在 {path} 创建同步日志：{reason}",
        "en": "cannot create a journal at {path}: {reason}",
    },
    "error.journal_setup": {
        "zh": "无法设置 {path} 的同步日志：{reason}",
        "en": "cannot set up the journal at {path}: {reason}",
    },
    "error.journal_path": {
        "zh": "拒绝写入 '{path}'：它不是同步日志里的普通路径",
        "en": "refusing to write '{path}': not a plain path inside the journal",
    },
    "error.journal_note_id": {
        "zh": "拒绝 '{id}' 的笔记：条目编号形如 3.2.1",
        "en": "refusing note for '{id}': an item id looks like 3.2.1",
    },
    "error.journal_commit": {
        "zh": "无法提交到 {path} 的同步日志：{reason}",
        "en": "cannot commit to the journal at {path}: {reason}",
    },
    "error.journal_merge": {
        "zh": "无法把远程同步日志合并到 {path}：{reason}",
        "en": "cannot merge the remote journal into {path}: {reason}",
    },
    "error.journal_merge_dir": {
        "zh": "{path} 是文件夹；合并无法把变更写到那里",
        "en": "{path} is a directory; the merge cannot put events there",
    },
    "error.journal_conflicts": {
        "zh": "合并留下了无法解决的冲突",
        "en": "the merge left conflicts that could not be settled",
    },
    "error.journal_other_roadmap": {
        "zh": "{path} 是路线图 '{theirs}' 的同步日志，不是当前路线图 '{ours}' 的；未同步任何内容；"
        "请在那份路线图中同步（`llmlanding curriculum use {theirs}`），或给这份路线图单独的远程仓库（先删除 {path}）",
        "en": "{path} is the journal of roadmap '{theirs}', not of '{ours}', the roadmap in use; nothing was synced; "
        "sync it from that roadmap (`llmlanding curriculum use {theirs}`), "
        "or give this roadmap a remote of its own (remove {path} first)",
    },
    # The problems of a roadmap file, one a detail line after its error (`errors.Sentence`, placed FILE:LINE:COL)
    "problem.not_mapping": {"zh": "文件必须是键值映射", "en": "the file must be a mapping of keys"},
    "problem.unknown_key": {"zh": "未知的键 '{field}'", "en": "unknown key '{field}'"},
    "problem.missing_key": {"zh": "缺少键 '{field}'", "en": "missing key '{field}'"},
    "problem.not_text": {
        "zh": '{field} 必须是文字；请加上引号："{input}"',
        "en": '{field} must be text; quote it: "{input}"',
    },
    "problem.not_bool": {"zh": "{field} 只能是 true 或 false", "en": "{field} must be true or false"},
    "problem.not_int": {"zh": "{field} 必须是整数", "en": "{field} must be a whole number"},
    "problem.tag": {"zh": "不允许使用标签（发现 '{tag}'）", "en": "tags are not allowed (found '{tag}')"},
    "problem.not_here": {"zh": "这里不允许出现 '{value}'", "en": "'{value}' is not allowed here"},
    "problem.key_plain": {"zh": "映射的键必须是普通值", "en": "mapping keys must be plain values"},
    "problem.key_kind": {"zh": "映射的键必须是字符串或数字", "en": "mapping keys must be strings or numbers"},
    "problem.duplicate_key": {"zh": "重复的键 '{value}'", "en": "duplicate key '{value}'"},
    "problem.aliases": {"zh": "不允许使用别名", "en": "aliases are not allowed"},
    "problem.anchors": {
        "zh": "不允许使用锚点（发现 '&{anchor}'）",
        "en": "anchors are not allowed (found '&{anchor}')",
    },
    "problem.depth": {"zh": "嵌套超过 {depth} 层", "en": "nesting is deeper than {depth} levels"},
    "problem.malformed": {"zh": "YAML 格式有误：{reason}", "en": "malformed YAML: {reason}"},
    "problem.malformed_char": {"zh": "YAML 格式有误：{reason}（{what}）", "en": "malformed YAML: {reason} ({what})"},
    "problem.malformed_value": {"zh": "值无效：{reason}", "en": "malformed value: {reason}"},
    "problem.too_large": {"zh": "文件超过 {kib} KiB", "en": "file is larger than {kib} KiB"},
    "problem.not_utf8": {"zh": "文件不是 UTF-8 文本（第 {byte} 字节）", "en": "file is not UTF-8 text (byte {byte})"},
    "problem.controls": {
        "zh": "文字中不允许有控制字符（{found}）",
        "en": "control characters are not allowed in text ({found})",
    },
    "problem.url_scheme": {
        "zh": "只允许 http(s) 地址，而不是 '{url}'",
        "en": "only http(s) URLs are allowed, not '{url}'",
    },
    "problem.url_shape": {
        "zh": "URL 最长 2048 个字符，且不能含空格或控制字符",
        "en": "URL must be at most 2048 characters with no spaces or control characters",
    },
    "problem.url_host": {"zh": "URL '{url}' 没有主机名", "en": "URL '{url}' has no host"},
    "problem.url_truncated": {"zh": "URL '{url}' 似乎被截断了", "en": "URL '{url}' looks truncated"},
    "problem.item_id": {
        "zh": "'{value}' 不是条目编号：请用 N、N.M 或 N.M.K（如 3、3.2、3.2.1）",
        "en": "'{value}' is not an item id: use N, N.M or N.M.K (e.g. 3, 3.2, 3.2.1)",
    },
    "problem.slug": {
        "zh": "'{value}' 不是合法的标识：只能用小写字母、数字和 '-'，并以字母开头",
        "en": "'{value}' is not a slug: lowercase letters, digits and '-', starting with a letter",
    },
    "problem.extend_parent": {
        "zh": "编号 '{id}' 必须以上一级的编号 '{parent}' 开头",
        "en": "id '{id}' must extend its parent's id '{parent}'",
    },
    "problem.bad_shape": {"zh": "编号 '{id}' 的格式不对", "en": "id '{id}' is badly shaped"},
    "problem.chapter_id": {"zh": "章的编号 '{id}' 必须是一个数字", "en": "chapter id '{id}' must be a single number"},
    "problem.duplicate_id": {
        "zh": "重复的编号 '{id}'（第一次出现在第 {line} 行第 {column} 列）",
        "en": "duplicate id '{id}' (first at line {line}, column {column})",
    },
    "problem.renamed_twice": {"zh": "'{old}' 被改名成了两个条目", "en": "'{old}' is renamed to two items"},
    "problem.renamed_exists": {
        "zh": "'{old}' 仍然存在，所以 '{new}' 不能由它改名而来",
        "en": "'{old}' still exists, so '{new}' cannot be renamed from it",
    },
    "problem.renamed_unknown": {
        "zh": "'{old}' 不是已记录的路线图中的编号，所以没有条目由它改名而来",
        "en": "'{old}' is not an id of the recorded roadmap, so nothing is renamed from it",
    },
    "problem.map_unknown": {
        "zh": "'{before}' 不是 {edition} 版中的编号",
        "en": "'{before}' is not an id of edition {edition}",
    },
    "problem.map_lacks": {
        "zh": "'{before}' 映射到 '{target}'，但这一版没有它",
        "en": "'{before}' maps to '{target}', which this edition lacks",
    },
    "problem.phases_order": {"zh": "phases 必须依次是 {phases}", "en": "phases must be {phases} in that order"},
    "problem.duplicate_path": {"zh": "重复的学习路径 '{path}'", "en": "duplicate path '{path}'"},
    "problem.path_unknown_item": {
        "zh": "学习路径 '{path}' 列出了不存在的条目 '{id}'",
        "en": "path '{path}' names unknown item '{id}'",
    },
    "problem.no_default_path": {"zh": "默认路径 '{path}' 没有定义", "en": "default path '{path}' is not defined"},
    # The problems of a backup's or a journal line's records (`domain/eventcheck.py`, `services/backup.py`,
    # `sync/journal.py`), after the field they name (`events[3].at: `)
    "problem.a_list": {"zh": "一个列表", "en": "a list"},
    "problem.an_object": {"zh": "一个对象", "en": "an object"},
    "problem.a_value": {"zh": "一个值", "en": "a value"},
    "problem.missing": {"zh": "缺失", "en": "missing"},
    "problem.not_time": {"zh": "{value} 不是时间", "en": "{value} is not a time"},
    "problem.before_2000": {"zh": "{value} 早于 2000 年", "en": "{value} is before 2000"},
    "problem.future": {"zh": "{value} 在未来", "en": "{value} is in the future"},
    "problem.not_stamp": {
        "zh": "{value} 不是形如 2024-05-01T09:30:00.000000Z 的时间",
        "en": "{value} is not a time like 2024-05-01T09:30:00.000000Z",
    },
    "problem.not_real_time": {"zh": "{value} 不是真实存在的日期和时间", "en": "{value} is not a real date and time"},
    "problem.not_text_value": {"zh": "{value} 不是文字", "en": "{value} is not text"},
    "problem.not_token": {
        "zh": "{value} 不是简单的名字（字母、数字和 '._:+-'，最多 {most} 个字符）",
        "en": "{value} is not a plain name (letters, digits, '._:+-', at most {most})",
    },
    "problem.not_item_id": {"zh": "{value} 不是形如 3.2.1 的条目编号", "en": "{value} is not an item id like 3.2.1"},
    "problem.not_one_of": {
        "zh": "{value} 不在 {listed} 之中（也可以是 null）",
        "en": "{value} is not one of {listed} (or null)",
    },
    "problem.not_text_or_null": {"zh": "{value} 不是文字或 null", "en": "{value} is not text or null"},
    "problem.note_long": {
        "zh": "笔记有 {n} 个字符（最多 {most} 个）",
        "en": "a note of {n} characters (at most {most})",
    },
    "problem.not_minutes": {
        "zh": "{value} 不是 1 到 {most} 之间的分钟数",
        "en": "{value} is not a number of minutes from 1 to {most}",
    },
    "problem.not_repo": {"zh": "{value} 不是仓库的地址或路径", "en": "{value} is not a repository's address or path"},
    "problem.text_long": {
        "zh": "文字有 {n} 个字符（最多 {most} 个）",
        "en": "a text of {n} characters (at most {most})",
    },
    "problem.not_object": {"zh": "{value} 不是对象", "en": "{value} is not an object"},
    "problem.not_field": {
        "zh": "{value} 不在 {fields} 之中，也不是 paper: 或 review:paper: 加 16 位十六进制数字",
        "en": "{value} is not one of {fields}, or paper: or review:paper: and 16 hex digits",
    },
    "problem.not_a_batch": {"zh": "'{batch}' 不是这个文件里的批次", "en": "'{batch}' is not a batch of the file"},
    "problem.text_or_null": {"zh": "必须是文字或 null", "en": "must be text or null"},
    "problem.object": {"zh": "不是对象", "en": "not an object"},
    "problem.missing_text": {"zh": "缺失或不是文字", "en": "missing or not text"},
    "problem.kind": {"zh": "不是 batch 或 event", "en": "is not batch or event"},
    "problem.quarantined_with": {"zh": "随它的批次一起隔离", "en": "quarantined with it"},
    "problem.line_long": {"zh": "一行有 {n} 字节（最多 {most} 字节）", "en": "a line of {n} bytes (at most {most})"},
    "problem.line_not_utf8": {"zh": "不是 UTF-8 文本", "en": "not UTF-8 text"},
    "problem.line_deep": {"zh": "JSON 嵌套太深", "en": "JSON nested too deeply"},
    "problem.line_not_json": {"zh": "不是 JSON", "en": "not JSON"},
    "problem.line_not_object": {"zh": "不是 JSON 对象", "en": "not a JSON object"},
    "problem.not_plain": {"zh": "不是普通的值", "en": "not a plain value"},
    # Why a remote is refused (`sync/journal.py`), and why a database file is not one (`store/database.py`)
    "problem.remote_empty": {"zh": "地址是空的", "en": "it is empty"},
    "problem.remote_dash": {
        "zh": "它以 '-' 开头，git 会把它当成选项",
        "en": "it starts with '-', which git would read as an option",
    },
    "problem.remote_space": {"zh": "它含有空白或控制字符", "en": "it contains whitespace or a control character"},
    "problem.remote_shell": {"zh": "它含有 '$' 或 '`'", "en": "it contains '$' or '`'"},
    "problem.remote_transport": {
        "zh": "'<transport>::' 形式的地址会让 git 运行程序",
        "en": "a '<transport>::' address makes git run a program",
    },
    "problem.remote_https": {"zh": "不是有效的 https:// 地址", "en": "not a valid https:// URL"},
    "problem.remote_ssh": {
        "zh": "不是有效的 ssh://[user@]host[:port]/path 地址",
        "en": "not a valid ssh://[user@]host[:port]/path URL",
    },
    "problem.remote_http": {"zh": "http:// 没有加密", "en": "http:// is not encrypted"},
    "problem.remote_file": {
        "zh": "不接受 file:// 地址（请直接给出路径）",
        "en": "file:// URLs are not accepted (give the path itself)",
    },
    "problem.remote_git": {"zh": "git:// 既不加密也不认证", "en": "git:// is neither encrypted nor authenticated"},
    "problem.remote_scheme": {"zh": "不支持 '{name}://' 协议", "en": "the scheme '{name}://' is not supported"},
    "problem.remote_scp": {"zh": "不是有效的 user@host:path 地址", "en": "not a valid user@host:path address"},
    "problem.remote_no_dir": {"zh": "没有这个文件夹", "en": "no such directory"},
    "problem.remote_not_repo": {"zh": "那个文件夹不是 git 仓库", "en": "that directory is not a git repository"},
    "problem.remote_password": {
        "zh": "它含有密码，git 会把密码明文保存在 .git/config 里",
        "en": "it holds a password, which git would keep in plain text in .git/config",
    },
    "problem.truncated_header": {
        "zh": "文件被截断了：只有 {size} 字节，连完整的文件头都没有",
        "en": "it is truncated: {size} bytes, not even a whole header",
    },
    "problem.truncated": {
        "zh": "文件被截断了：只有 {size} 字节，应有 {whole} 字节",
        "en": "it is truncated: {size} of {whole} bytes",
    },
    "problem.foreign_db": {"zh": "它是其他程序的 SQLite 文件", "en": "it is an SQLite file of another program"},
    # The lines of a task list that `import` could not tick (`domain/tasks.py`)
    "problem.task_no_title": {
        "zh": "没有标题为 '{title}' 的条目；请在方框后写上条目编号",
        "en": "no item titled '{title}'; put the id after the box",
    },
    "problem.task_titles": {
        "zh": "'{title}' 是 {ids} 共同的标题；请在方框后写上条目编号",
        "en": "'{title}' is the title of {ids}; put the id after the box",
    },
    "problem.task_no_item": {"zh": "没有编号为 '{id}' 的条目", "en": "no item '{id}'"},
    # the first run of a program that a new shell would not find by its name (cli/install.py)
    "install.not_on_path": {
        "zh": "提示：{folder} 还不在 PATH 上，新开的终端找不到 llmlanding：重新登录一次，"
        '或在 ~/.bashrc 里加一行 export PATH="$HOME/.local/bin:$PATH"',
        "en": "note: {folder} is not on your PATH yet, so a new shell will not find llmlanding: log in again, "
        'or add export PATH="$HOME/.local/bin:$PATH" to ~/.bashrc',
    },
    "install.link": {
        "zh": "提示：llmlanding 不在 PATH 上；用 mkdir -p {folder} && ln -sf {script} {folder}/ 让新终端能直接运行它",
        "en": "note: llmlanding is not on your PATH; mkdir -p {folder} && ln -sf {script} {folder}/ "
        "lets a new shell run it by its name",
    },
    # the dashboard of a home without progress: how to begin, in three lines
    "dashboard.begin_next": {
        "zh": "第一次用？`llmlanding next` 告诉你现在学什么、为什么。",
        "en": "New here? `llmlanding next` says what to study now, and why.",
    },
    "dashboard.begin_done": {
        "zh": "读完原理就勾掉这一阶段：`llmlanding done {id} --phase theory`。",
        "en": "Read it, then tick that phase off: `llmlanding done {id} --phase theory`.",
    },
    "dashboard.begin_study": {
        "zh": "`llmlanding study {id}` 跟着学；`llmlanding note {id}` 记下你的收获。",
        "en": "`llmlanding study {id}` to work through it; `llmlanding note {id}` to write what you learned.",
    },
    # The activity block of `status`
    "activity.streak": {"zh": "连续学习 {n}", "en": "streak: {n}"},
    "activity.week": {"zh": "本周完成 {n} 个主题", "en": "{n} topics this week"},
    "activity.pace": {"zh": "近4周 每周 {n} 个", "en": "{n} a week over 4 weeks"},
    "time.week": {"zh": "本周用时 {week}（共 {total}）", "en": "{week} spent this week ({total} in all)"},
    "goal.per_week": {"zh": "目标：每周 {n} 个 —— 本周已完成 {done} 个", "en": "goal: {n} a week — {done} this week"},
    "goal.by": {
        "zh": "目标：{date} 前学完 —— 每周需要 {n} 个；按目前进度：{pace}",
        "en": "goal: done by {date} — needs {n} a week; at your pace: {pace}",
    },
    "goal.no_pace": {"zh": "尚无法估计", "en": "no estimate yet"},
    "goal.none": {
        "zh": "还没有目标：`llmlanding goal 3` 每周 3 个，或 `llmlanding goal --by 2027-06-30`",
        "en": "No goal yet: `llmlanding goal 3` for 3 topics a week, or `llmlanding goal --by 2027-06-30`",
    },
    "goal.cleared": {"zh": "目标已清除。", "en": "Goal cleared."},
    "activity.pace_since": {"zh": "开始 {days} 天来 每周 {n} 个", "en": "{n} a week over your first {days} days"},
    "activity.too_early": {
        "zh": "学习才 {days} 天，满一周后再估计进度和完成日期",
        "en": "too early to estimate a pace: {days} days of activity so far (a week is needed)",
    },
    "activity.finish": {"zh": "按此进度预计 {date} 学完当前路径", "en": "at this pace the path is done by {date}"},
    "activity.no_finish": {"zh": "还没有进度，无法估计完成日期", "en": "no pace yet to estimate a finish date"},
    "activity.weekdays": {"zh": "一二三四五六日", "en": "MTWTFSS"},  # one character a day, Monday first
    # What a change did: `done`, `start`, `skip`, `reset`, `undo`, `note`, `practice link`
    "change.nothing_to_undo": {"zh": "没有可撤销的操作。", "en": "Nothing to undo."},
    "change.undid": {"zh": "已撤销「{command}」", "en": "Undid `{command}`"},
    "change.no_change": {"zh": "没有变化", "en": "nothing changed"},
    "change.note_deleted": {"zh": "笔记已删除", "en": "note deleted"},
    "change.with_phase": {"zh": "{what}{phase}", "en": "{phase} {what}"},  # `theory done`, `完成原理学习`
    "change.chapter": {"zh": "第 {id} 章", "en": "chapter {id}"},
    # `log`
    "log.empty": {"zh": "还没有任何记录。", "en": "No history yet."},
    "log.comma": {"zh": "，", "en": ", "},  # between the things one change did
    "log.topics": {"zh": "{n}{status}", "en": "{n} {status}"},  # `11 topics done`, `11 个主题已完成`
    "log.note_new": {"zh": "新笔记 {lines}", "en": "new note, {lines}"},
    "log.note_added": {"zh": "笔记 +{lines}", "en": "note +{lines}"},
    "log.note_edited": {"zh": "笔记已修改", "en": "note edited"},
    "log.note_deleted": {"zh": "笔记已删除（{lines}）", "en": "note deleted ({lines})"},
    "log.papers_read": {"zh": "已读 {n}", "en": "{n} read"},
    "log.papers_unread": {"zh": "未读 {n}", "en": "{n} unread"},
    "log.repo_linked": {"zh": "已关联代码", "en": "code linked"},
    "log.repo_unlinked": {"zh": "已取消关联代码", "en": "code unlinked"},
    "log.rated": {"zh": "复习：{rating}", "en": "reviewed: {rating}"},
    "log.review_entered": {"zh": "{n} 篇论文加入复习", "en": "{n} in review"},
    "log.review_left": {"zh": "{n} 项移出复习", "en": "{n} out of review"},
    # `week`
    "week.head": {"zh": "一周回顾 {first} – {last}", "en": "Week of {first} – {last}"},
    "week.nothing": {"zh": "这一周还没有任何记录。", "en": "Nothing recorded this week."},
    "week.finished": {"zh": "完成 {n}", "en": "Finished: {n}"},
    "week.phases": {"zh": "完成的阶段", "en": "Phases ticked"},
    "week.notes": {"zh": "写下的笔记", "en": "Notes written"},
    "week.changes": {"zh": "{n} 次变更", "en": "{n} changes"},
    "week.wrote": {"zh": "已写入本周回顾 {path}", "en": "Wrote the recap to {path}"},
    # `team`
    "team.empty": {"zh": "日志里还没有任何人的进度。", "en": "Nobody's progress is in the journal yet."},
    # `check [--repair]`
    "check.sqlite": {
        "zh": "数据库文件完好（SQLite 完整性与外键检查）",
        "en": "database file sound (SQLite integrity and foreign keys)",
    },
    "check.log": {
        "zh": "记录：{batches} 批次、{events} 条变更，均符合格式",
        "en": "log: {batches} batches, {events} changes, all in the format",
    },
    "check.log_bad": {
        "zh": "记录：{batches} 批次、{events} 条变更，其中 {n} 条不符合格式",
        "en": "log: {batches} batches, {events} changes, {n} rows of which break the format",
    },
    "check.caches": {"zh": "进度表与搜索索引与记录一致", "en": "progress table and search index match the log"},
    "check.caches_bad": {
        "zh": "进度表或搜索索引与记录不一致",
        "en": "progress table or search index out of step with the log",
    },
    "check.quarantined": {
        "zh": "已将 {n} 条不符合格式的记录移入隔离区",
        "en": "moved {n} rows that break the format into the quarantine",
    },
    "check.rebuilt": {
        "zh": "已根据记录重建进度表与搜索索引",
        "en": "rebuilt the progress table and the search index from the log",
    },
    "check.kept": {
        "zh": "隔离区共 {n} 条（保留在备份中，从不删除）",
        "en": "{n} rows in the quarantine (kept in backups, never deleted)",
    },
    "check.journal": {"zh": "同步日志仓库可读且完好", "en": "journal repository readable and sound"},
    "check.journal_bad": {"zh": "同步日志仓库已损坏或无法读取", "en": "journal repository damaged or unreadable"},
    "check.refused": {
        "zh": "其中 {n} 行由其他机器写入、不符合格式，每次 sync 都会跳过：",
        "en": "{n} lines in it, written elsewhere, break the format; every sync skips them:",
    },
    "check.no_journal": {"zh": "未设置同步日志", "en": "no journal (sync is not set up)"},
    "check.problems": {
        "zh": "发现问题；运行 llmlanding check --repair 修复",
        "en": "problems found; run `llmlanding check --repair` to mend them",
    },
    "check.failed": {
        "zh": "仍有修复无法解决的问题（见上）：数据库文件损坏请从 backups/ 恢复，同步日志损坏请从远程重新克隆",
        "en": "problems remain that a repair cannot mend (above): restore the database from backups/, "
        "or clone the journal again from its remote",
    },
    # `sync` and `sync --status`
    "sync.committed": {
        "zh": "日志已提交：本机 {appended} 条新变更，导入其他机器的 {imported} 条",
        "en": "journal committed: {appended} new changes from here, {imported} imported",
    },
    "sync.note_conflict": {
        "zh": "{item} 的笔记在两台机器上都改过：两份内容都保留并作了标记，请整理：llmlanding note {item}",
        "en": "the note on {item} was edited on two machines: both texts are kept, marked; "
        "tidy it with `llmlanding note {item}`",
    },
    "sync.refused": {
        "zh": "已跳过 {file}:{line}（学习者 {learner}，设备 {device}），不符合格式",
        "en": "skipped {file}:{line} (learner {learner}, device {device}), which breaks the format",
    },
    "sync.working": {"zh": "同步中…", "en": "sync…"},  # the spinner while `sync` runs, then each of SYNC_STEPS
    "sync.step": {"zh": "同步：{step}…", "en": "sync: {step}…"},
    "sync.no_remote": {"zh": "没有远程仓库：只在本地提交。", "en": "No remote: committed locally only."},
    "sync.pushed": {"zh": "已推送到 {remote}", "en": "pushed to {remote}"},
    "sync.offline": {"zh": "离线", "en": "offline"},
    "sync.failed": {
        "zh": "未能同步到 {remote}：{reason}；本地更改已安全提交，稍后再运行 llmlanding sync",
        "en": "could not sync with {remote}: {reason}; your changes are committed locally; "
        "run `llmlanding sync` again later",
    },
    "sync.journal": {"zh": "日志", "en": "journal"},
    "sync.remote": {"zh": "远程", "en": "remote"},
    "sync.no_remote_value": {"zh": "（无）", "en": "(none)"},
    "sync.learner": {"zh": "学习者", "en": "learner"},
    "sync.unsynced": {"zh": "未写入日志的变更", "en": "changes not in the journal"},
    "sync.unpushed": {"zh": "未推送的提交", "en": "commits not pushed"},
    # `practice` and the repository line of `show`
    "practice.empty": {
        "zh": "还没有关联代码仓库：llmlanding practice link ID PATH",
        "en": "No repositories linked yet: llmlanding practice link ID PATH",
    },
    "repo.empty": {"zh": "（还没有提交）", "en": "(no commits yet)"},
    "repo.missing": {"zh": "（文件夹已移动或删除）", "en": "(moved or deleted)"},
    "repo.not_a_repo": {"zh": "（不再是 git 仓库）", "en": "(no longer a git repository)"},
    # `export report` (markdown)
    "report.generated": {"zh": "生成于", "en": "Generated"},
    "report.path": {"zh": "路径", "en": "path"},
    "report.overall": {"zh": "总体进度", "en": "Overall progress"},
    "report.topics_done": {"zh": "个主题完成", "en": "topics done"},
    "report.optional": {"zh": "选学", "en": "optional"},
    "report.chapter_head": {"zh": "| # | 章 | 完成 | % | 进度 |", "en": "| # | Chapter | Done | % | Progress |"},
    "report.optional_mark": {"zh": "_(选学)_", "en": "_(optional)_"},
    "report.pie_title": {"zh": "主题状态", "en": "Topics by status"},
    "report.per_week": {"zh": "每周完成的主题", "en": "Topics finished per week"},
    "report.per_week_axis": {"zh": "主题", "en": "topics"},
    "report.done_on": {"zh": "完成于", "en": "done"},
    "report.note": {"zh": "笔记", "en": "note"},
    # The command line's own sentences (cli/handlers/).
    "note.unchanged": {"zh": "笔记没有变化", "en": "note unchanged"},
    "note.template_ideas": {"zh": "核心要点", "en": "Key ideas"},
    "note.template_built": {"zh": "动手实践", "en": "What I built"},
    "note.template_questions": {"zh": "待解决的问题", "en": "Open questions"},
    "note.missing": {
        "zh": "{ids} 还没有笔记：llmlanding note {first}",
        "en": "No note yet on {ids}: write one with `llmlanding note {first}`",
    },
    "note.delete": {"zh": "删除 {id} 的笔记？", "en": "Delete the note on {id}?"},
    "note.kept": {"zh": "笔记未改变。", "en": "The note was not changed."},
    "notes.none_for": {"zh": "{id} 还没有笔记", "en": "{id} has no note yet"},
    "notes.none": {"zh": "还没有笔记：llmlanding note ID", "en": "No notes yet: llmlanding note ID"},
    "assistant.waiting": {
        "zh": "llmlanding MCP 服务器（只读）正在 stdin 上等待 MCP 客户端；请在助手的 MCP 配置中注册它（见 "
        "docs/guide.md）。Ctrl-C 退出。",
        "en": "The llmlanding MCP server (read-only) is waiting on stdin for an MCP client: register it in your "
        "assistant's MCP settings (see docs/guide.md). Ctrl-C stops it.",
    },
    "assistant.waiting_writes": {
        "zh": "llmlanding MCP 服务器（允许写入）正在 stdin 上等待 MCP 客户端；请在助手的 MCP 配置中注册它（见 "
        "docs/guide.md）。Ctrl-C 退出。",
        "en": "The llmlanding MCP server (writes allowed) is waiting on stdin for an MCP client: register it in your "
        "assistant's MCP settings (see docs/guide.md). Ctrl-C stops it.",
    },
    "assistant.quiz": {
        "zh": "请就 {id} {title} 考考我。根据下面的材料（我的笔记、各主题和论文）一次只问一个问题，等我回答后告诉我"
        "答对了什么、漏掉了什么；优先考我笔记里写过的内容。结束时建议我在笔记里补充什么。",
        "en": "Quiz me on {id} {title}. Ask me one question at a time from the material below (my notes, its "
        "topics and papers), wait for my answer, then tell me what I got right and what I missed; start from "
        "what I wrote in my notes. When we are done, suggest what I should add to my notes.",
    },
    "export.wrote_report": {"zh": "已写入报告 {path}", "en": "Wrote the report to {path}"},
    "export.wrote_calendar": {
        "zh": "已写入未来 {weeks} 周的学习计划 {path}",
        "en": "Wrote the study plan of the next {weeks} weeks to {path}",
    },
    "export.wrote_bibtex": {"zh": "已写入 {n} 篇论文的 BibTeX 到 {path}", "en": "Wrote {n} papers as BibTeX to {path}"},
    # `papers`, `read`, `unread`, and the papers `next` and `show` leave unread
    # `review`
    "review.due_line": {"zh": "{n} 个主题待复习 — llmlanding review", "en": "{n} reviews due — llmlanding review"},
    "review.none": {
        "zh": "还没有要复习的主题：主题的输出总结完成后进入复习（llmlanding done ID --phase summary）。",
        "en": "Nothing in review yet: a topic enters review when its written summary is done "
        "(llmlanding done ID --phase summary).",
    },
    "review.nothing_due": {
        "zh": "今天没有待复习的主题。下一个：{id}，{day}（llmlanding review --list）",
        "en": "Nothing to review today. Next: {id} on {day} (llmlanding review --list)",
    },
    "review.all_done": {
        "zh": "今天的复习完成了。下一个：{id}，{day}",
        "en": "Reviews done for today. Next: {id} on {day}",
    },
    "review.stopped": {"zh": "已停止；今天还有 {n} 个待复习。", "en": "Stopped; {n} still due today."},
    "review.heading": {"zh": "复习 {i}/{n}", "en": "Review {i} of {n}"},
    "review.your_note": {"zh": "你的笔记", "en": "Your note"},
    "review.no_note": {
        "zh": "（还没有笔记：llmlanding note {id}）",
        "en": "(no note yet: llmlanding note {id})",
    },
    "review.recall": {
        "zh": "回想你记得的内容，然后按回车查看笔记",
        "en": "Recall what you remember, then press Enter to see your note",
    },
    "review.ask": {
        "zh": "记得如何？again 1/a · hard 2/h · good 3/g · easy 4/e · q 停止：",
        "en": "How well did you remember? again 1/a · hard 2/h · good 3/g · easy 4/e · q to stop: ",
    },
    "review.rated": {
        "zh": "{id} 评为 {rating} — 下次复习 {day}（{days} 天后）",
        "en": "{id} rated {rating} — next review on {day} (in {days} days)",
    },
    "review.left": {"zh": "今天还有 {n} 个", "en": "{n} left today"},
    "review.due_now": {"zh": "今天到期（{n}）", "en": "Due today ({n})"},
    "review.upcoming": {"zh": "接下来", "en": "Coming up"},
    "review.ratings": {"zh": "已复习 {n} 次", "en": "reviewed {n}×"},
    "review.calendar": {"zh": "复习", "en": "Review"},
    "review.in_review": {"zh": "共 {n} 项在复习中", "en": "{n} in review"},
    "papers.none": {"zh": "这里没有论文。", "en": "No papers here."},
    "papers.none_left": {"zh": "没有符合条件的论文。", "en": "No papers match."},
    "papers.count": {
        "zh": "论文 {n} 篇 · 已读 {read} 篇（同一论文列在多处只算一篇）",
        "en": "papers: {n} · read: {read} (a paper listed in several places counts once)",
    },
    "papers.also": {"zh": "也在", "en": "also in"},
    "papers.hint": {
        "zh": "标记已读：llmlanding read ID --paper N（N 为该条目下的编号）",
        "en": "Mark one read: llmlanding read ID --paper N (N as numbered under that item)",
    },
    "papers.marked_read": {"zh": "已读：{title}", "en": "read: {title}"},
    "papers.marked_unread": {"zh": "未读：{title}", "en": "unread: {title}"},
    "papers.already_read": {"zh": "已经读过：{title}", "en": "already read: {title}"},
    "papers.already_unread": {"zh": "尚未读过：{title}", "en": "not read yet: {title}"},
    "papers.unread": {
        "zh": "未读论文：{numbers}（共 {total} 篇）· llmlanding read {id} --paper N",
        "en": "Unread papers: {numbers} of {total} · llmlanding read {id} --paper N",
    },
    "papers.all_read": {"zh": "论文已全部读完（{total} 篇）", "en": "Papers all read ({total})"},
    "papers.theory_unread": {
        "zh": "注意：{id} 还有 {n} 篇论文未读（llmlanding papers {id} --unread）",
        "en": "Note: {id} has unread papers: {n} (llmlanding papers {id} --unread)",
    },
    "export.no_notes": {"zh": "还没有笔记可导出。", "en": "No notes to export yet."},
    "export.wrote_files": {"zh": "已写入 {n} 个文件到 {folder}", "en": "Wrote {n} files to {folder}"},
    "export.backed_up": {"zh": "已备份到 {path}", "en": "Backed up to {path}"},
    "import.checking": {"zh": "检查备份", "en": "checking the backup"},
    "import.merging": {"zh": "合并到本地记录", "en": "merging into this home"},
    "import.active_path": {"zh": "；当前路径 {path}", "en": "; active path {path}"},
    "import.imported": {
        "zh": "已导入 {events} 条变更（{batches} 批）{path}",
        "en": "Imported {events} changes in {batches} batches{path}",
    },
    "import.no_ticks": {"zh": "没有找到勾选的条目。", "en": "No ticked items found."},
    "import.none_matched": {
        "zh": "{source} 中 {n} 行勾选都没有对上任何条目；在方框后写上条目编号（- [x] 3.2.1）",
        "en": "none of the {n} ticked lines of {source} names an item; put its id after the box (- [x] 3.2.1)",
    },
    "import.ticked": {
        "zh": "已标记完成 {changed} 个主题（{ticked} 行勾选，{unmatched} 行无法匹配）",
        "en": "Marked {changed} topics done ({ticked} ticked lines, {unmatched} not matched)",
    },
    "sync.journal_ready": {
        "zh": "日志在 {path}（学习者 {name}）；运行 llmlanding sync 同步",
        "en": "Journal ready at {path} (learner {name}); run `llmlanding sync` to sync",
    },
    "sync.journal_offline": {
        "zh": "未能连接远程仓库：{reason}；日志已在本地建好，可以连上时再运行 llmlanding sync",
        "en": "could not reach the remote: {reason}; the journal is ready here; "
        "run `llmlanding sync` once it can be reached",
    },
    "curriculum.ok": {"zh": "{path}: ok — {counts}", "en": "{path}: ok — {counts}"},
    "curriculum.imported": {
        "zh": "已从 {source} 写入路线图 {path}：{counts}。用 `llmlanding --curriculum {path} status` 开始学习。",
        "en": "Wrote the roadmap {path} from {source}: {counts}. Start with `llmlanding --curriculum {path} status`.",
    },
    "curriculum.imported_ticks": {
        "zh": "文件中有 {n} 个已勾选的框：切换到这份路线图后，用 `llmlanding import {source}` 导入进度。",
        "en": "{n} boxes in the file are ticked: once on this roadmap, `llmlanding import {source}` records them.",
    },
    "curriculum.imported_skipped": {
        "zh": "{n} 个链接不是 http(s) 地址，未收录：{first}",
        "en": "{n} links are not http(s) addresses and were left out: {first}",
    },
    "roadmaps.bundled": {"zh": "（内置）", "en": "(bundled)"},
    "roadmaps.banner": {"zh": "路线图 {id}", "en": "Roadmap {id}"},
    "roadmaps.progress": {"zh": "{done}/{total} 个主题", "en": "{done}/{total} topics"},
    "roadmaps.added": {
        "zh": "已登记路线图 {id}（{path}），进度记在 {db}。用 `llmlanding curriculum use {id}` 切换到它。",
        "en": "Registered the roadmap {id} ({path}); its progress goes in {db}. "
        "Switch to it with `llmlanding curriculum use {id}`.",
    },
    "roadmaps.used": {
        "zh": "当前路线图：{id}（{title}）。",
        "en": "Now on the roadmap {id} ({title}).",
    },
    # `open` on a chapter, at a terminal
    "open.which": {"zh": "打开哪一个（1–{n}，回车打开第 1 个）？", "en": "Open which (1-{n}, Enter for 1)? "},
    # `search`
    "search.nothing": {"zh": "没有找到。", "en": "Nothing found."},
    "search.field.title_zh": {"zh": "标题", "en": "title"},
    "search.field.title_en": {"zh": "英文标题", "en": "title"},
    "search.field.note": {"zh": "笔记", "en": "note"},
    "search.field.paper": {"zh": "论文", "en": "paper"},
    "search.field.description": {"zh": "说明", "en": "about"},
    "search.field.link": {"zh": "链接", "en": "link"},
    # `study`, the interactive screen
    "study.path": {"zh": "学习路径：{title}", "en": "Path: {title}"},
    "study.off_path": {"zh": "不在此路径上", "en": "not on this path"},
    "study.no_note": {"zh": "还没有笔记 — 按 e 写笔记", "en": "No note yet — press e to write one"},
    "study.no_refs": {"zh": "没有论文或链接", "en": "No papers or links"},
    "study.streak": {"zh": "连续 {n} 天", "en": "streak {n}d"},
    "study.week": {"zh": "本周 {n}", "en": "this week {n}"},
    "study.week_goal": {"zh": "本周 {n}/{goal}", "en": "this week {n}/{goal}"},
    "study.reviews": {"zh": "{n} 个待复习", "en": "{n} reviews due"},
    "study.help": {
        "zh": "t p s 勾选 · e 笔记 · ? 全部按键 · q 退出",
        "en": "t p s tick · e note · ? all keys · q quit",
    },
    "study.opened": {"zh": "已在浏览器中打开 {url}", "en": "Opened {url}"},
    "study.no_browser": {"zh": "此处没有浏览器；地址：{url}", "en": "No browser here; the address: {url}"},
    "study.no_suspend": {
        "zh": "此终端无法暂停界面；请用 e 在界面内编辑",
        "en": "This terminal cannot hand over the screen; e edits here",
    },
    "study.not_paper": {
        "zh": "r 标记论文为已读；链接没有已读标记",
        "en": "r marks papers read; a link has no read mark",
    },
    "study.refreshed": {"zh": "已载入其他窗口的更改", "en": "Showing changes made elsewhere"},
    "study.search": {
        "zh": "搜索（与 search 命令相同的排序），回车跳转",
        "en": "Search (ranked as `search`); Enter jumps",
    },
    "study.goto": {"zh": "跳转到编号（如 3.2.1），回车确认", "en": "Go to an id (e.g. 3.2.1); Enter jumps"},
    "study.edit": {
        "zh": "{id} 的笔记 — Ctrl+S 保存，Esc 放弃（保存为空即删除，按 u 可撤销）",
        "en": "Note on {id} — Ctrl+S saves, Esc leaves it (saving it empty deletes it; u undoes)",
    },
    "study.reveal": {"zh": "回想一下，按空格查看笔记", "en": "Recall it, then press Space to see your note"},
    "study.rate": {
        "zh": "评分：1 忘记 · 2 困难 · 3 良好 · 4 简单（或 a h g e）；Esc 停止",
        "en": "Rate: 1 again · 2 hard · 3 good · 4 easy (or a h g e); Esc stops",
    },
    "study.keys": {"zh": "按键（Esc 关闭）", "en": "Keys (Esc closes)"},
    "study.key.move": {"zh": "上下移动", "en": "move"},
    "study.key.fold": {"zh": "折叠 / 展开", "en": "fold / unfold"},
    "study.key.enter": {"zh": "进入条目：选择其论文和链接", "en": "open the item: choose among its papers and links"},
    "study.key.next": {"zh": "跳到下一个主题（同 next）", "en": "jump to the next topic (as `next`)"},
    "study.key.phases": {
        "zh": "切换原理学习 / 代码实践 / 输出总结",
        "en": "toggle theory / hands-on code / written summary",
    },
    "study.key.done": {"zh": "完成（全部三个阶段）", "en": "done (all three phases)"},
    "study.key.skip": {"zh": "跳过", "en": "skip"},
    "study.key.undo": {"zh": "撤销上一次操作", "en": "undo the last change"},
    "study.key.edit": {"zh": "编辑笔记（E 用 $VISUAL/$EDITOR）", "en": "edit the note (E: in $VISUAL/$EDITOR)"},
    "study.key.open": {
        "zh": "打开所选论文或链接（仅 http(s)）",
        "en": "open the selected paper or link (http(s) only)",
    },
    "study.key.read": {"zh": "将所选论文标为已读 / 未读", "en": "mark the selected paper read / unread"},
    "study.key.search": {"zh": "搜索", "en": "search"},
    "study.key.review": {"zh": "复习到期的主题和论文", "en": "review what is due (topics, papers)"},
    "study.key.goto": {"zh": "按编号跳转", "en": "jump to an id"},
    "study.key.help": {"zh": "显示按键", "en": "show the keys"},
    "study.key.quit": {"zh": "退出（记住当前位置）", "en": "quit (where you are is remembered)"},
}


def msg(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` put into its `{fields}`."""
    return MESSAGES[key][lang].format(**values)


def said(line: str, lang: str) -> str:
    """A line in `lang` where it carries its words (an `errors.Sentence`, or `Sentences` of them, however
    nested: a problem of a file, a backup or a journal line), else as it is."""
    from llmlanding.errors import Sentence, Sentences  # light, and loaded by every run already

    if isinstance(line, Sentences):
        return line.sep.join(said(part, lang) for part in line.parts) + line.tail
    if isinstance(line, Sentence) and f"problem.{line.key}" in MESSAGES:
        fields = {name: said(value, lang) if isinstance(value, str) else value for name, value in line.fields.items()}
        return line.lead + msg(lang, f"problem.{line.key}", **fields)
    return line


def other(lang: str) -> str:
    """The other language: the one a heading shows its second title in."""
    return "en" if lang == "zh" else "zh"


def pick(pair: TitleJSON, lang: str) -> str:
    """The learner's side of a `{"zh", "en"}` title from a JSON shape."""
    return pair["zh"] if lang == "zh" else pair["en"]


# The system's reasons for a failed file or database operation (as the C library and SQLite say them in
# English), in the learner's language: an error's field is said with these where one matches. English is the
# system's own.
OS_REASONS: dict[str, dict[str, str]] = {
    "zh": {
        "No such file or directory": "没有这个文件或文件夹",
        "Permission denied": "没有权限",
        "Operation not permitted": "不允许这样操作",
        "No space left on device": "磁盘空间不足",
        "Disk quota exceeded": "超出磁盘配额",
        "Is a directory": "这是一个文件夹",
        "Not a directory": "不是文件夹",
        "File exists": "文件已存在",
        "Read-only file system": "文件系统是只读的",
        "Input/output error": "读写出错",
        "File name too long": "文件名太长",
        "File too large": "文件太大",
        "Directory not empty": "文件夹不是空的",
        "Too many open files": "打开的文件太多",
        "Device or resource busy": "设备或资源正忙",
        "file is not a database": "不是数据库文件",
        "database disk image is malformed": "数据库文件已损坏",
        "attempt to write a readonly database": "试图写入只读的数据库",
        "unable to open database file": "无法打开数据库文件",
        "disk I/O error": "磁盘读写出错",
    },
    "en": {},
}


PHASE_WORDS = {
    "zh": {"theory": "原理学习", "practice": "代码实践", "summary": "输出总结"},
    "en": {"theory": "theory", "practice": "hands-on code", "summary": "written summary"},
}


SYNC_STEPS = {  # what `sync` is doing, as `sync/service.py` names its steps
    "zh": {"writing": "写入日志", "fetching": "拉取远程", "importing": "导入变更", "pushing": "推送"},
    "en": {"writing": "writing", "fetching": "fetching", "importing": "importing", "pushing": "pushing"},
}


RATING_WORDS = {  # a review's ratings 1-4, as FSRS orders them
    "zh": {1: "忘了", 2: "困难", 3: "良好", 4: "轻松"},
    "en": {1: "again", 2: "hard", 3: "good", 4: "easy"},
}


STATUS_WORDS = {
    "zh": {"todo": "未开始", "doing": "进行中", "done": "已完成", "skipped": "已跳过"},
    "en": {"todo": "to do", "doing": "in progress", "done": "done", "skipped": "skipped"},
}


VERBS = {  # what a command did to an item, by command
    "zh": {
        "done": "完成",
        "start": "开始",
        "skip": "跳过",
        "reset": "重置",
        "undo": "撤销",
        "note": "笔记已保存",
        "practice": "已关联代码",
    },
    "en": {
        "done": "done",
        "start": "started",
        "skip": "skipped",
        "reset": "reset",
        "undo": "undone",
        "note": "note saved",
        "practice": "code linked",
    },
}


NOUNS = {  # counted nouns: (one, many); Chinese has a measure word instead of a plural
    "zh": {
        "paper": ("篇论文", "篇论文"),
        "link": ("个链接", "个链接"),
        "topic": ("个主题", "个主题"),
        "day": ("天", "天"),
        "line": ("行", "行"),
        "review": ("次复习", "次复习"),
    },
    "en": {
        "paper": ("paper", "papers"),
        "link": ("link", "links"),
        "topic": ("topic", "topics"),
        "day": ("day", "days"),
        "line": ("line", "lines"),
        "review": ("review", "reviews"),
    },
}


def count_of(lang: str, count: int, noun: str) -> str:
    """`1 paper`, `3 links`, `3 个链接`."""
    one, many = NOUNS[lang][noun]
    return f"{count} {one if count == 1 else many}"


def duration(lang: str, minutes: int) -> str:
    """`45 min`, `1 h 30 min`, `2 h`; `45 分钟`, `1 小时 30 分钟`."""
    hour, minute = ("小时", "分钟") if lang == "zh" else ("h", "min")
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} {hour}"] if hours else []
    return " ".join([*parts, f"{rest} {minute}"] if rest or not hours else parts)


def problems() -> list[str]:
    """What is wrong with `MESSAGES`: a language missing, or zh and en taking different `{fields}`."""
    from string import Formatter  # only when checking: off the hot path

    found = []
    for key, texts in MESSAGES.items():
        if set(texts) != set(LANGS):
            found.append(f"{key}: languages {sorted(texts)}, expected {list(LANGS)}")
            continue
        fields = {lang: {name for _, name, _, _ in Formatter().parse(texts[lang]) if name} for lang in LANGS}
        if fields["zh"] != fields["en"]:
            found.append(f"{key}: zh takes {sorted(fields['zh'])}, en takes {sorted(fields['en'])}")
    return found
