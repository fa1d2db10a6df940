"""The typer side of every command: signatures, help and completion, nothing else. Each command's body is its
handler in `cli/handlers/`, attached by `delegate`, so the typer path and the fast path run the same code; the
fast path's tables (`cli/table.py`) are generated from these signatures."""
