"""The typer commands: thin wrappers that parse arguments, call the core and print what it returns."""
