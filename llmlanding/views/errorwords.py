"""The words of the program's errors (`error.<key>`) and of the problems they list (`problem.<key>`), in zh and
en with the same `{fields}`, as `views/words.py` keeps every other sentence: apart from it, because they are read
only when something went wrong, and the everyday commands, which import words.py, should not pay for loading
them. `cli/output.py` says an error with these (`LLMLandingError(..., key=...)`, `errors.Sentence`); the few
errors whose words were already in words.py (`error.prefix`, `error.unknown_item`, …) stay there.

How to add one: raise the error with its English text as before and `key="name"` with its fields as keywords
(`UsageError(f"no file {source}", key="no_file", path=source)`), and add `error.name` here in both languages;
`tests/test_zh_help.py::test_every_error_key_has_its_words` checks every raise site against these entries.
"""

from __future__ import annotations

from llmlanding.errors import Sentence, Sentences

MESSAGES: dict[str, dict[str, str]] = {
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
    "error.note_not_added": {"zh": "未添加到 {id} 的笔记：{reason}", "en": "not added to the note of {id}: {reason}"},
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
    "error.upgrade_other_roadmap": {
        "zh": "路线图文件属于路线图 '{new}'，不是这个数据目录记录的 '{old}'；未做任何升级",
        "en": "the roadmap file is roadmap '{new}', not '{old}', the one this home records; nothing was upgraded",
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
    "error.backup_other_edition": {
        "zh": "{path} 是在路线图版本 {theirs} 上做的备份，而这个主目录在版本 {ours} 上："
        "其中的编号在这里可能指别的条目；未导入任何内容；"
        "请把它导入到一个在版本 {theirs} 上的主目录（`llmlanding curriculum upgrade` 可把主目录升级到更新的版本）",
        "en": "{path} is a backup made on edition {theirs} of the roadmap, and this home is on edition {ours}: its ids "
        "may name other items here; nothing was imported; import it into a home on edition {theirs} "
        "(`llmlanding curriculum upgrade` brings a home to a newer edition)",
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
    "problem.no_edition": {"zh": "（无）", "en": "(none)"},
    "problem.not_mapping_of": {"zh": "{field} 必须是键值映射", "en": "{field} must be a mapping of keys"},
    "problem.not_list": {"zh": "{field} 必须是列表", "en": "{field} must be a list"},
    "problem.too_few": {"zh": "{field} 至少要有 {least} 项", "en": "{field} must have at least {least} items"},
    "problem.empty_text": {"zh": "{field} 不能为空", "en": "{field} must not be empty"},
    "problem.not_literal": {"zh": "{field} 只能是 {expected}", "en": "{field} must be {expected}"},
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
    # The YAML parser's common reasons, in English as it gives them (yamlreader._parsers_reason).
    "problem.yaml_mapping_values": {
        "zh": "这里不能再有“键: 值”（检查缩进，或给含冒号的文字加上引号）",
        "en": "mapping values are not allowed in this context",
    },
    "problem.yaml_mapping_values_here": {
        "zh": "这里不能再有“键: 值”（检查缩进，或给含冒号的文字加上引号）",
        "en": "mapping values are not allowed here",
    },
    "problem.yaml_cannot_start": {
        "zh": "这个字符不能开始一个值（用空格缩进，不要用制表符；或给文字加上引号）",
        "en": "found character that cannot start any token",
    },
    "problem.yaml_end_of_stream": {
        "zh": "文件意外结束（是否有引号或括号没有闭合？）",
        "en": "found unexpected end of stream",
    },
    "problem.yaml_list_indent": {
        "zh": "列表项的缩进不对（同一列表的 '-' 要对齐）",
        "en": "did not find expected '-' indicator",
    },
    "problem.yaml_key_indent": {
        "zh": "找不到应有的键（检查缩进：同一映射的键要对齐）",
        "en": "did not find expected key",
    },
    "problem.yaml_unclosed_list": {
        "zh": "方括号没有闭合（缺少 ',' 或 ']'）",
        "en": "did not find expected ',' or ']'",
    },
    "problem.yaml_unclosed_mapping": {
        "zh": "花括号没有闭合（缺少 ',' 或 '}}'）",
        "en": "did not find expected ',' or '}}'",
    },
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
    "problem.index_missing": {
        "zh": "搜索索引：{n} 条笔记不在索引中",
        "en": "search index: {n} notes not in the search index",
    },
    "problem.index_stale": {"zh": "搜索索引：{n} 条笔记已过时", "en": "search index: {n} notes stale"},
    "problem.progress_differ": {
        "zh": "进度表：{n} 个值与记录中最新的变更不同",
        "en": "progress: {n} values differ from the log's latest changes",
    },
    "problem.leaf_states_differ": {
        "zh": "条目状态：{n} 个条目与它们的进度不符",
        "en": "leaf states: {n} items differ from their progress",
    },
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
}


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


def said(line: str, lang: str) -> str:
    """A line in `lang` where it carries its words (an `errors.Sentence`, or `Sentences` of them, however
    nested: a problem of a file, a backup or a journal line), else as it is."""
    if isinstance(line, Sentences):
        return line.sep.join(said(part, lang) for part in line.parts) + line.tail
    words = MESSAGES.get(f"problem.{line.key}") if isinstance(line, Sentence) else None
    if isinstance(line, Sentence) and words is not None:
        fields = {name: said(value, lang) if isinstance(value, str) else value for name, value in line.fields.items()}
        return line.lead + words[lang].format(**fields)
    return line
