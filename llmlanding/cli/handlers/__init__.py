"""What each command does, as plain functions of an `Env` and the command's parameters: no typer here, so the
fast path (`cli/fast.py`) and the typer commands (`cli/commands/`) call the very same code. One module per
command group; each function reads, calls a service or a view, and prints once."""
