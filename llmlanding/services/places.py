"""Where the learner left off in `llmlanding study`: one meta value, written in its own small transaction. It is
a place, not progress, so it logs no event and `undo` never meets it."""

from __future__ import annotations

from llmlanding.settings import Settings
from llmlanding.store.writer import set_setting, transaction

STUDY_PLACE = "study_place"  # the meta key of the item selected when the study screen last closed


def remember_place(settings: Settings, item_id: str) -> None:
    with transaction(settings.db, settings.curriculum) as tx:
        set_setting(tx, STUDY_PLACE, item_id)
