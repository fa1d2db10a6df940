"""`llmlanding mcp`: a local MCP server that lets the learner's AI assistant read their roadmap, progress and notes
and, when the learner allows it, record changes. The only package that imports the `mcp` SDK (an optional
extra); `tools.py` is what the tools answer, `schemas.py` the JSON schemas of those answers, `server.py` the
SDK's side."""
