"""The roadmap file: the strict YAML reader, the pydantic schema and the loader that turns a file into an outline."""
