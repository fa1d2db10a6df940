"""llmlanding: a command-line tracker for the LLMLanding roadmap of large language models."""

__version__ = "0.1.0"
