"""The characters no text from data may carry to a terminal: C0 but tab and newline, DEL, C1, and the bidi
controls (embeddings, overrides, isolates, marks). `views.inert` strips them from what is printed; the roadmap's
schema refuses them."""

from __future__ import annotations

_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))

# A `str.translate` table that deletes every one of them.
CONTROLS: dict[int, None] = dict.fromkeys(
    c for c in (*range(0x20), 0x7F, *range(0x80, 0xA0), *_BIDI) if c not in (0x09, 0x0A)
)


def control_characters(text: str) -> list[str]:
    """The control characters in `text`, as `U+001B`, in order of first appearance; empty for clean text."""
    if text.isprintable():  # the common case, and fast; every control character is non-printable
        return []
    return [f"U+{ord(c):04X}" for c in dict.fromkeys(text) if ord(c) in CONTROLS]
