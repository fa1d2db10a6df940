"""Every Chinese and English word the views show, in one place, so that a translation is edited once and the two
languages cannot drift apart between commands. (The words of errors and of the problems they list are kept the
same way in `views/errorwords.py`, which only a failure loads.)

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
    "error.import_renumbers": {
        "zh": "{path} 没有版本号，而新路线图会把 {id}（“{was}”）给“{now}”，其上的进度会落到别的条目上；未写入任何内容："
        '在 {path} 里加上 `edition: "1"`，运行一次 `llmlanding --curriculum {path} status`，再导入',
        "en": "{path} states no edition, and the new roadmap would give {id} ('{was}') to '{now}', so progress on it "
        'would go to another item; nothing was written: add `edition: "1"` to {path}, run '
        "`llmlanding --curriculum {path} status` once, and import again",
    },
    "error.note_too_long": {
        "zh": "{id} 的笔记将有 {size} 个字符，超过上限 {most}；未保存任何内容",
        "en": "the note on {id} would be {size} characters, more than {most}; nothing was saved",
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
    "sync.held": {
        "zh": "你其他机器上的 {n} 项变更是在版本 {editions} 上做的，而这个数据目录在版本 {edition}："
        "它们留在同步日志里，等两边在同一版本上再导入（在这里或那台机器上运行 `llmlanding curriculum upgrade`）",
        "en": "{n} changes from your other machines were made on edition {editions}, and this home is on edition "
        "{edition}: they wait in the journal until both are on one edition (`llmlanding curriculum upgrade`, here "
        "or there)",
    },
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
    "curriculum.imported_revision": {
        "zh": "条目的编号变了（{moved} 个移动，{removed} 个删除）：{path} 现在是版本 {edition}，修订版本 {old}。"
        "使用它的家目录会先保留旧条目上的进度，直到运行 `llmlanding --curriculum {path} curriculum upgrade` 迁移过去。",
        "en": "Items changed numbers ({moved} moved, {removed} removed): {path} is now edition {edition}, revising "
        "{old}. A home on it keeps its progress on the items as they were until "
        "`llmlanding --curriculum {path} curriculum upgrade` carries it across.",
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
    "study.key.read_review": {
        "zh": "将所选论文标为已读并加入间隔复习",
        "en": "mark the selected paper read and put it in spaced review",
    },
    "study.paper_in_review": {
        "zh": "已加入间隔复习：{days} 天后第一次到期",
        "en": "in spaced review: first due in {days} days",
    },
    "study.key.search": {"zh": "搜索", "en": "search"},
    "study.key.review": {"zh": "复习到期的主题和论文", "en": "review what is due (topics, papers)"},
    "study.key.goto": {"zh": "按编号跳转", "en": "jump to an id"},
    "study.key.help": {"zh": "显示按键", "en": "show the keys"},
    "study.key.quit": {"zh": "退出（记住当前位置）", "en": "quit (where you are is remembered)"},
}


def msg(lang: str, key: str, **values: object) -> str:
    """The message `key` in `lang`, with `values` put into its `{fields}`."""
    return MESSAGES[key][lang].format(**values)


def other(lang: str) -> str:
    """The other language: the one a heading shows its second title in."""
    return "en" if lang == "zh" else "zh"


def pick(pair: TitleJSON, lang: str) -> str:
    """The learner's side of a `{"zh", "en"}` title from a JSON shape."""
    return pair["zh"] if lang == "zh" else pair["en"]


def both_titles(zh: str, en: str, lang: str) -> str:
    """Both titles, the learner's first; one when they are the same. Plain arguments, not a TitleJSON: a report
    of a 10,000-topic roadmap names every topic."""
    first, second = (zh, en) if lang == "zh" else (en, zh)
    return first if first == second else f"{first} · {second}"


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


def problems(messages: dict[str, dict[str, str]] | None = None) -> list[str]:
    """What is wrong with `messages` (`MESSAGES` unless given): a language missing, or zh and en taking different
    `{fields}`."""
    from string import Formatter  # only when checking: off the hot path

    found = []
    for key, texts in (MESSAGES if messages is None else messages).items():
        if set(texts) != set(LANGS):
            found.append(f"{key}: languages {sorted(texts)}, expected {list(LANGS)}")
            continue
        fields = {lang: {name for _, name, _, _ in Formatter().parse(texts[lang]) if name} for lang in LANGS}
        if fields["zh"] != fields["en"]:
            found.append(f"{key}: zh takes {sorted(fields['zh'])}, en takes {sorted(fields['en'])}")
    return found
