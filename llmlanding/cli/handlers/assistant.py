"""`mcp`: start the MCP server of `llmlanding/assistant/`, the one place the optional `mcp` SDK is imported."""

from __future__ import annotations

import sys

from llmlanding.cli.env import Env
from llmlanding.errors import LLMLandingError

MISSING = "llmlanding mcp needs the MCP SDK 2 (mcp>=2.3,<3), an optional extra: pip install 'llmlanding[mcp]'"


def serve(env: Env, *, allow_writes: bool) -> None:
    try:
        from llmlanding.assistant.server import serve as run
    except ModuleNotFoundError as exc:  # no SDK, or version 1 (no mcp.server.mcpserver): the same remedy
        if (exc.name or "").split(".")[0] not in ("mcp", "mcp_types"):
            raise
        raise LLMLandingError(MISSING, key="mcp_missing") from None
    env.snapshot()  # the database made or migrated, and any problem with it said, before the client connects
    if sys.stdin.isatty():  # a learner trying it by hand, not a client: say what the silence is, on stderr
        from llmlanding.views.words import msg

        key = "assistant.waiting_writes" if allow_writes else "assistant.waiting"
        sys.stderr.write(msg(env.lang, key) + "\n")
    run(env.settings, allow_writes=allow_writes)
