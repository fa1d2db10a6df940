"""Text from data made inert before the terminal sees it: the one place that strips control characters.

Roadmap titles, notes, learner and device names, remote URLs, git messages and errors that quote any of them
can hold escape sequences (which set a window title, clear the screen or fake a prompt) or bidi controls
(which show text in another order than it reads). `inert` removes them (the set is `domain.controls`);
`inert_segments` applies it to what rich renders, so every view printed through `cli/output.show` is covered at
one point, whatever it is built of.

On every `next` and `status`: one `str.isprintable()` per piece of text, and `str.translate` only for the rare
one that needs it; no `re`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.segment import Segment

from llmlanding.domain.controls import CONTROLS


def inert(text: str) -> str:
    """`text` without control characters (tab and newline kept): safe to print to a terminal."""
    if text.isprintable():  # the common case; bidi controls are not printable either, so they come below
        return text
    return text.translate(CONTROLS)


def inert_segments(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Rendered segments with the control characters of their text removed. Rich's own control segments
    (cursor moves it makes itself) and styles, hyperlinks included, pass unchanged."""
    for segment in segments:
        text = segment.text
        # Rows joined into one segment (`Grid`) are printable but for their newlines.
        if segment.control or text.isprintable() or text.replace("\n", "").isprintable():
            yield segment
        else:
            yield Segment(inert(text), segment.style)
