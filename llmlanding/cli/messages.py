"""The command line's own sentences in Chinese and English: one table, looked up by key.

Each entry is `key: (zh, en)`, with `{name}` placeholders filled by `message(lang, key, name=value)`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "note_unchanged": ("笔记没有变化", "note unchanged"),
    "note_empty": ("笔记为空，未保存", "empty, not saved"),
    "note_delete": ("删除 {id} 的笔记？", "Delete the note on {id}?"),
    "note_kept": ("笔记未改变。", "The note was not changed."),
    "no_note": ("{id} 还没有笔记", "{id} has no note yet"),
    "no_notes": ("还没有笔记：llmlanding note ID", "No notes yet: llmlanding note ID"),
    "wrote_report": ("已写入报告 {path}", "Wrote the report to {path}"),
    "no_notes_to_export": ("还没有笔记可导出。", "No notes to export yet."),
    "wrote_files": ("已写入 {n} 个文件到 {folder}", "Wrote {n} files to {folder}"),
    "backed_up": ("已备份到 {path}", "Backed up to {path}"),
    "active_path": ("；当前路径 {path}", "; active path {path}"),
    "imported": (
        "已导入 {events} 条变更（{batches} 批）{path}",
        "Imported {events} changes in {batches} batches{path}",
    ),
    "no_ticks": ("没有找到勾选的条目。", "No ticked items found."),
    "ticked": (
        "已标记完成 {changed} 个主题（{ticked} 行勾选，{unmatched} 行无法匹配）",
        "Marked {changed} topics done ({ticked} ticked lines, {unmatched} not matched)",
    ),
    "journal_ready": (
        "日志在 {path}（学习者 {name}）；运行 llmlanding sync 同步",
        "Journal ready at {path} (learner {name}); run `llmlanding sync` to sync",
    ),
    "journal_offline": (
        "未能连接远程仓库：{reason}；日志已在本地建好，可以连上时再运行 llmlanding sync",
        "could not reach the remote: {reason}; the journal is ready here; run `llmlanding sync` once it can be reached",
    ),
    "roadmap_ok": ("{path}: ok — {counts}", "{path}: ok — {counts}"),
}


def message(lang: str, key: str, **values: object) -> str:
    zh, en = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**values)
