"""Every sentence the program shows is in views/words.py in both languages, with the same fields, and every
message the code asks for exists there."""

from __future__ import annotations

import re
from pathlib import Path

from llmlanding.views.words import MESSAGES, problems

PACKAGE = Path(__file__).resolve().parents[1] / "llmlanding"


def test_every_message_has_both_languages_with_the_same_fields() -> None:
    from llmlanding.views import errorwords

    assert problems() == []
    assert problems(errorwords.MESSAGES) == []
    assert not set(errorwords.MESSAGES) & set(MESSAGES)  # each sentence in one place


def test_every_message_the_code_names_exists() -> None:
    named = {
        (path.relative_to(PACKAGE), key)
        for path in PACKAGE.rglob("*.py")
        for key in re.findall(r"""\bmsg\(\s*[\w.]+,\s*["']([\w.]+)["']""", path.read_text(encoding="utf-8"))
    }
    assert len(named) > 50  # the pattern finds the calls: a sanity check on the check itself
    missing = sorted(f"{path}: {key}" for path, key in named if key not in MESSAGES)
    assert not missing, missing


def test_no_sentence_is_chosen_by_language_outside_words() -> None:
    """Picking a text by `lang == "zh"` belongs in words.py; elsewhere only a title's own two fields are chosen."""
    allowed = re.compile(r"return self\.\w+_zh if lang == \"zh\" else self\.\w+_en|self\.zh if lang == \"zh\"")
    for path in PACKAGE.rglob("*.py"):
        if path.name == "words.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"lang == \"zh\"|if zh\b", line) and not allowed.search(line) and "title_zh" not in line:
                raise AssertionError(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
