"""Linking a learner's own code repository to a topic: the roadmap's hands-on phase (代码实践)."""

from __future__ import annotations

from llmlanding.domain.history import Change
from llmlanding.domain.progress import plan
from llmlanding.errors import UsageError
from llmlanding.services.tracking import Outcome
from llmlanding.settings import Settings
from llmlanding.store import queries
from llmlanding.store.snapshot import advance
from llmlanding.store.writer import transaction, write_batch


def link_repo(settings: Settings, item_id: str, repo: str, has_commits: bool) -> Outcome:
    """Record a repository as a leaf's hands-on code; with commits in it, the practice phase is done too."""
    with transaction(settings.db, settings.curriculum, roadmap=True) as tx:
        before = tx.snapshot()
        item = before.outline.get(item_id)
        if not item.is_leaf:
            raise UsageError(
                f"{item.id} has topics; link the code to one of them, e.g. {item.children[0]}",
                key="link_to_topic",
                id=item.id,
                first=item.children[0],
            )
        values = queries.read_values(tx.conn, queries.read_aliases(tx.conn), ("repo",), items=[item.id])
        current = values.get((item.id, "repo"), (None, ""))[0] or None  # an emptied link is no link
        changes = [] if current == repo else [Change(item.id, "repo", current, repo)]
        if has_commits:
            state = before.state(item.id)
            fields = state.fields()
            changes += [Change(item.id, f, fields[f], v) for f, v in plan("done", state, "practice").items()]
        after = before
        if changes:
            written = write_batch(tx, f"practice link {item.id} {repo}", changes)
            after = advance(tx.conn, before, changes, written.at, undo=False)
    return Outcome("practice", [item.id], changes, after)
