"""`llmlanding mcp`: the MCP server an AI assistant reads the learner's record through, driven with the SDK's own
client, in-process and as a real subprocess over stdio; its answers are what the `--json` commands print."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from helpers import JSON, Run, dump, js

if TYPE_CHECKING:
    from mcp import Client
    from mcp.types import CallToolResult

HAS_MCP = importlib.util.find_spec("mcp") is not None
needs_mcp = pytest.mark.skipif(not HAS_MCP, reason="the mcp extra is not installed: pip install -e '.[mcp]'")
T = TypeVar("T")

READS = {"next", "status", "show", "search", "notes", "due_reviews", "quiz_material", "papers"}
WRITES = {"mark_phase", "append_note", "rate_review"}


def talk(allow_writes: bool, conversation: Callable[[Client], Awaitable[T]]) -> T:
    """Run `conversation` against a server over the test's home, through the SDK's in-process client."""
    import anyio
    from mcp import Client

    from llmlanding.assistant.server import build
    from llmlanding.settings import Settings

    server = build(Settings.resolve(), allow_writes=allow_writes)

    async def main() -> T:
        async with Client(server) as client:
            return await conversation(client)

    return anyio.run(main)


def call(name: str, arguments: dict[str, Any], *, allow_writes: bool = False) -> CallToolResult:
    async def conversation(client: Client) -> CallToolResult:
        return await client.call_tool(name, arguments)

    return talk(allow_writes, conversation)


def answer(result: CallToolResult) -> JSON:
    """A tool's answer: its one text block, JSON as `--json` prints it, which the structured content repeats."""
    from mcp.types import TextContent

    assert not result.is_error, result.content
    [block] = result.content
    assert isinstance(block, TextContent)
    data = json.loads(block.text)
    assert result.structured_content in (data, {"result": data})  # a list (or a union) is wrapped
    return data


def error(result: CallToolResult) -> str:
    from mcp.types import TextContent

    assert result.is_error
    [block] = result.content
    assert isinstance(block, TextContent)
    return block.text


@pytest.fixture
def studied(run: Run) -> Run:
    """A learner some way in: a section done, a topic started, a note, a paper read."""
    for args in (["done", "3.1"], ["start", "3.2.1"], ["note", "3.2.1", "-m", "GPT-1: 12 decoder layers"]):
        assert run(*args).exit_code == 0
    assert run("read", "3.2.1", "--paper", "1").exit_code == 0
    return run


@needs_mcp
def test_the_tools_are_listed_with_descriptions_and_schemas(studied: Run) -> None:
    async def conversation(client: Client) -> Any:
        return await client.list_tools()

    listed = {tool.name: tool for tool in talk(False, conversation).tools}
    assert set(listed) == READS | WRITES
    for name, tool in listed.items():
        assert tool.description and len(tool.description) > 40, name
        assert tool.input_schema["type"] == "object"
        assert tool.output_schema is not None, name
        assert tool.annotations is not None and tool.annotations.read_only_hint is (name in READS)
    assert listed["show"].input_schema["required"] == ["id"]
    assert listed["mark_phase"].input_schema["properties"]["phase"]["enum"] == ["theory", "practice", "summary"]
    # The output schemas are the --json TypedDicts of views/shapes.py.
    assert set(listed["status"].output_schema["properties"]) == set(js(studied, "status"))


@needs_mcp
@pytest.mark.parametrize(
    ("tool", "arguments", "command"),
    [
        ("next", {"count": 3}, ["next", "-n", "3"]),
        ("next", {"within": "4", "count": 2}, ["next", "--in", "4", "-n", "2"]),
        ("status", {}, ["status"]),
        ("show", {"id": "3.2.1"}, ["show", "3.2.1"]),
        ("show", {"id": "3"}, ["show", "3"]),
        ("search", {"query": "decoder layers", "limit": 5}, ["search", "decoder", "layers", "-n", "5"]),
        ("notes", {}, ["notes"]),
        ("notes", {"id": "3.2.1"}, ["notes", "3.2.1"]),
        ("notes", {"id": "3.2.2"}, ["notes", "3.2.2"]),
        ("papers", {"id": "3.2"}, ["papers", "3.2"]),
        ("papers", {"id": "3.2", "unread": True}, ["papers", "3.2", "--unread"]),
    ],
)
def test_each_read_tool_answers_what_its_json_command_prints(
    studied: Run, tool: str, arguments: dict[str, Any], command: list[str]
) -> None:
    assert answer(call(tool, arguments)) == js(studied, *command)


@needs_mcp
def test_quiz_material_holds_the_notes_titles_and_papers(studied: Run) -> None:
    studied("note", "3.2", "-m", "the GPT family")
    material = answer(call("quiz_material", {"id": "3.2"}))
    shown = js(studied, "show", "3.2")
    assert material["id"] == "3.2"
    assert material["title"] == shown["title"]
    assert [parent["id"] for parent in material["parents"]] == ["3"]
    assert material["note"].endswith("the GPT family\n")
    topics = {topic["id"]: topic for topic in material["topics"]}
    assert list(topics) == [item["id"] for item in shown["descendants"]]
    assert topics["3.2.1"]["note"].endswith("GPT-1: 12 decoder layers\n")
    assert topics["3.2.1"]["status"] == "doing"
    assert topics["3.2.2"]["note"] is None
    assert material["papers"] == js(studied, "papers", "3.2")


@needs_mcp
@pytest.mark.parametrize(
    ("tool", "arguments", "command"),
    [
        ("show", {"id": "9.9"}, ["show", "9.9"]),
        ("notes", {"id": "42"}, ["notes", "42"]),
        ("next", {"path": "nowhere"}, ["next", "--path", "nowhere"]),
        ("papers", {"unread": True, "read": True}, ["papers", "--unread", "--read"]),
    ],
)
def test_errors_are_tool_errors_with_the_cli_line(
    studied: Run, tool: str, arguments: dict[str, Any], command: list[str]
) -> None:
    cli = studied(*command)
    assert cli.exit_code == 2
    assert error(call(tool, arguments)) == cli.stderr.strip()


@needs_mcp
@pytest.mark.parametrize(
    ("tool", "arguments", "line"),
    [
        ("show", {}, "error: show: id: Field required"),
        (
            "mark_phase",
            {"id": "3", "phase": "x"},
            "error: mark_phase: phase: Input should be 'theory', 'practice' or 'summary'",
        ),
        (
            "next",
            {"count": 0, "within": 3},
            "error: next: count: Input should be greater than or equal to 1; within: Input should be a valid string",
        ),
    ],
)
def test_arguments_outside_the_schema_are_refused_in_one_line(
    studied: Run, isolated_env: Path, tool: str, arguments: dict[str, Any], line: str
) -> None:
    before = dump(isolated_env)
    assert error(call(tool, arguments, allow_writes=True)) == line
    assert dump(isolated_env) == before


@needs_mcp
def test_quiz_material_of_an_unknown_id_is_the_cli_line(studied: Run) -> None:
    assert error(call("quiz_material", {"id": "9.9"})) == studied("show", "9.9").stderr.strip()


@needs_mcp
@pytest.mark.parametrize(
    ("tool", "arguments"),
    [
        ("mark_phase", {"id": "3.2.2", "phase": "theory"}),
        ("append_note", {"id": "3.2.2", "text": "hello"}),
        ("rate_review", {"id": "3.1.1", "rating": "good"}),
    ],
)
def test_writes_are_refused_without_allow_writes(studied: Run, isolated_env: Path, tool: str, arguments: Any) -> None:
    before = dump(isolated_env)
    message = error(call(tool, arguments))
    assert message.startswith("error: writes are off")
    assert "llmlanding mcp --allow-writes" in message
    assert dump(isolated_env) == before


@needs_mcp
def test_writes_are_logged_as_the_assistant_and_undone_by_undo(studied: Run) -> None:
    marked = answer(call("mark_phase", {"id": "3.2.2", "phase": "theory"}, allow_writes=True))
    noted = answer(call("append_note", {"id": "3.2.2", "text": "BERT is an encoder"}, allow_writes=True))
    log = js(studied, "log")
    assert [marked, noted] == [[log[1]], [log[0]]]  # each the batch written, as `log --json` shows it
    assert log[1]["command"] == "done 3.2.2 --phase theory (assistant)"
    assert log[0]["command"] == "note 3.2.2 (assistant)"
    assert "(assistant)" in studied("log").stdout
    shown = js(studied, "show", "3.2.2")
    assert shown["phases"]["theory"] is True
    assert shown["note"].endswith("BERT is an encoder\n")

    assert studied("undo").exit_code == 0
    assert js(studied, "show", "3.2.2")["note"] is None
    assert studied("undo").exit_code == 0
    assert js(studied, "show", "3.2.2")["status"] == "todo"


@needs_mcp
def test_a_write_that_changes_nothing_logs_nothing(studied: Run) -> None:
    assert answer(call("mark_phase", {"id": "3.1", "phase": "summary"}, allow_writes=True)) == []
    assert error(call("append_note", {"id": "3.1", "text": "  "}, allow_writes=True)).startswith("error: nothing")
    huge = "x" * 1_000_001
    assert error(call("append_note", {"id": "3.1", "text": huge}, allow_writes=True)) == (
        "error: not added to the note of 3.1: a note of 1000001 characters (at most 1000000)"
    )
    assert not any("(assistant)" in batch["command"] for batch in js(studied, "log"))


@needs_mcp
def test_reviews_due_and_rated_through_the_assistant(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-02T09:00:00+00:00")
    run("done", "3.2.2")  # summarised: in review, first due two days on
    run("read", "3.2.1", "--paper", "2", "--review")  # a paper in review too
    monkeypatch.setenv("LLMLANDING_NOW", "2026-03-04T10:00:00+00:00")
    due = answer(call("due_reviews", {}))
    assert due == js(run, "review", "--list")
    assert "3.2.2" in [card["id"] for card in due["due"]]

    rated = answer(call("rate_review", {"id": "3.2.2", "rating": "good"}, allow_writes=True))
    assert rated["id"] == "3.2.2" and rated["rating"] == "good"
    assert rated["card"]["ratings"] == 1
    assert rated["card"]["due_day"] > "2026-03-04"
    assert rated["left"] == len(due["due"]) - 1
    assert js(run, "log", "-n", "1")[0]["command"] == "review 3.2.2 --rating good (assistant)"
    assert error(call("rate_review", {"id": "3.2.1", "rating": "good"}, allow_writes=True)) == (
        run("review", "3.2.1", "--rating", "good").stderr.strip()  # not in review yet: the CLI's line
    )
    assert run("undo").exit_code == 0
    assert "3.2.2" in [card["id"] for card in js(run, "review", "--list")["due"]]

    [paper] = [card for card in due["due"] if card["paper"] is not None]
    rated = answer(call("rate_review", {"id": "3.2.1", "paper": 2, "rating": "hard"}, allow_writes=True))
    assert rated["card"]["paper"] == paper["paper"] and rated["card"]["ratings"] == 1
    assert js(run, "log", "-n", "1")[0]["command"] == "review 3.2.1 --paper 2 --rating hard (assistant)"


@needs_mcp
def test_the_outline_is_a_resource(studied: Run) -> None:
    from mcp.types import TextResourceContents

    async def conversation(client: Client) -> Any:
        listed = await client.list_resources()
        return listed, await client.read_resource("llmlanding://outline")

    listed, read = talk(False, conversation)
    assert [str(resource.uri) for resource in listed.resources] == ["llmlanding://outline"]
    [content] = read.contents
    assert isinstance(content, TextResourceContents)
    assert content.mime_type == "application/json"
    assert json.loads(content.text) == js(studied, "list", "--depth", "3")


@needs_mcp
def test_the_quiz_prompt_carries_the_material(studied: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    from mcp.shared.exceptions import MCPError
    from mcp.types import TextContent

    monkeypatch.setenv("LLMLANDING_LANG", "en")

    async def conversation(client: Client) -> Any:
        listed = await client.list_prompts()
        return listed, await client.get_prompt("quiz_me", {"id": "3.2.1"})

    listed, prompt = talk(False, conversation)
    assert [p.name for p in listed.prompts] == ["quiz_me"]
    [message] = prompt.messages
    assert message.role == "user"
    assert isinstance(message.content, TextContent)
    text = message.content.text
    assert text.startswith("Quiz me on 3.2.1 The GPT papers.")
    assert "GPT-1: 12 decoder layers" in text

    async def unknown(client: Client) -> MCPError:
        with pytest.raises(MCPError) as raised:
            await client.get_prompt("quiz_me", {"id": "9.9"})
        return raised.value

    assert talk(False, unknown).error.message == studied("show", "9.9").stderr.strip()


@needs_mcp
def test_a_real_subprocess_answers_over_stdio(studied: Run, isolated_env: Path) -> None:
    """`llmlanding mcp` as an MCP client starts it: the initialize handshake, tools/list and tools/call."""
    import anyio
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "llmlanding", "mcp"],
        env={**os.environ, "LLMLANDING_HOME": str(isolated_env)},
    )

    async def main() -> tuple[Any, Any, Any]:
        with anyio.fail_after(120):
            async with Client(params, mode="legacy") as client:  # legacy: the initialize handshake
                info = client.server_info
                listed = await client.list_tools()
                return info, listed, await client.call_tool("status", {})

    info, listed, status = anyio.run(main)
    assert info is not None and info.name == "llmlanding"
    assert {tool.name for tool in listed.tools} == READS | WRITES
    assert answer(status) == js(studied, "status")


@pytest.mark.parametrize("version_1", [False, True])
def test_without_the_extra_mcp_says_how_to_install_it(
    run: Run, monkeypatch: pytest.MonkeyPatch, isolated_env: Path, version_1: bool
) -> None:
    if version_1:  # an SDK 1.x: `mcp` is there, `mcp.server.mcpserver` (MCPServer) is not
        monkeypatch.setitem(sys.modules, "mcp.server.mcpserver", None)
    else:  # importing the SDK fails, as when it is not installed
        for name in ["mcp", *(name for name in sys.modules if name.startswith("mcp."))]:
            monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.delitem(sys.modules, "llmlanding.assistant.server", raising=False)
    result = run("mcp")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "error: llmlanding mcp needs the MCP SDK 2 (mcp>=2.3,<3), an optional extra: pip install 'llmlanding[mcp]'\n"
    )
    assert not isolated_env.exists()  # said before anything was made


@needs_mcp
@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal for stdin needs pty")
def test_at_a_terminal_mcp_says_on_stderr_what_it_waits_for(studied: Run, isolated_env: Path) -> None:
    import pty
    import select
    import subprocess

    leader, follower = pty.openpty()
    env = {**os.environ, "LLMLANDING_HOME": str(isolated_env), "LLMLANDING_LANG": "en"}
    server = subprocess.Popen(
        [sys.executable, "-m", "llmlanding", "mcp", "--allow-writes"],
        stdin=follower,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        assert server.stderr is not None
        ready, _, _ = select.select([server.stderr], [], [], 60)
        assert ready, "nothing on stderr"
        line = server.stderr.readline().decode()
    finally:
        server.kill()
        server.wait()
        os.close(follower)
        os.close(leader)
    assert line.startswith("The llmlanding MCP server (writes allowed) is waiting on stdin for an MCP client")
