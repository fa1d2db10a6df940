"""The MCP server over stdio, with the official SDK (`mcp` ≥ 2.3): the tools, the roadmap's outline as a resource
and the "quiz me on ID" prompt. Each tool answers through `assistant/tools.py` with a fresh `Env` (so every call
sees the learner's data as it is now, written by the CLI meanwhile or not), as one text block holding exactly what
`--json` prints and the same data as structured content, checked by the SDK against the schema of its shape.

An error the learner could act on comes back as a tool error whose text is the CLI's one line (`error: no item
'9.9'`); anything else is the SDK's generic tool error, the traceback staying in the server's log on stderr.

No `from __future__ import annotations`: the SDK reads the tools' annotations, output schemas included, at
registration, and they are built from values here."""

import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import MCPServer
from mcp.shared.exceptions import MCPError
from mcp.types import INVALID_PARAMS, CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from llmlanding import __version__
from llmlanding.assistant import tools
from llmlanding.assistant.schemas import portable
from llmlanding.cli.env import Env
from llmlanding.cli.output import environment_error
from llmlanding.errors import LLMLandingError, format_error
from llmlanding.settings import Settings
from llmlanding.views import shapes

READS = ToolAnnotations(read_only_hint=True, open_world_hint=False)
WRITES = ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=False, open_world_hint=False)

# The output schemas: the shapes `--json` prints. A list is wrapped as {"result": [...]} in structured content, as
# the SDK does for anything that is not an object.
NEXT = portable(list[shapes.NextJSON])
STATUS = portable(shapes.StatusJSON)
SHOW = portable(shapes.ShowJSON | shapes.OrphanedJSON)
SEARCH = portable(list[shapes.SearchHitJSON])
NOTES = portable(list[shapes.NoteJSON])
QUIZ = portable(shapes.QuizJSON)
PAPERS = portable(list[shapes.LibraryPaperJSON])
REVIEWS = portable(shapes.ReviewListJSON)
RATED = portable(shapes.RatedJSON)
BATCHES = portable(list[shapes.BatchJSON])

ItemId = Annotated[str, Field(description="A chapter (3), section (3.2) or topic (3.2.1) of the roadmap.")]
OptionalId = Annotated[
    str | None, Field(description="A chapter (3), section (3.2) or topic (3.2.1); none for the whole roadmap.")
]

INSTRUCTIONS = (
    "The learner's own record of the LLMLanding roadmap of LLM topics, kept by the llmlanding program on their "
    "computer: the roadmap (chapters, sections, topics, with papers and links), their progress through it (each "
    "topic has three phases: theory, practice, summary), the notes they wrote, and the finished topics due for "
    "spaced review. Ids look like 3, 3.2, 3.2.1. Every answer is the JSON `llmlanding ... --json` prints. Changes "
    "(mark_phase, append_note, rate_review) are recorded only when the learner started the server with "
    "--allow-writes; they show in `llmlanding log` marked (assistant) and `llmlanding undo` takes the last one back."
)


def build(settings: Settings, *, allow_writes: bool) -> MCPServer:
    """The server over the learner's data at `settings` (the roadmap active when it starts)."""
    server = MCPServer(
        "llmlanding",
        version=__version__,
        instructions=INSTRUCTIONS,
        log_level="WARNING",
        middleware=[one_line_argument_errors],
    )

    def answer(call: Callable[[Env], Any], wrap: bool) -> CallToolResult:
        try:
            data = call(Env(settings))
        except (LLMLandingError, OSError) as exc:
            failure = environment_error(exc) if isinstance(exc, OSError) else exc
            return CallToolResult(content=[TextContent(type="text", text=format_error(failure))], is_error=True)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        return CallToolResult(
            content=[TextContent(type="text", text=text)], structured_content={"result": data} if wrap else data
        )

    @server.tool(name="next", annotations=READS)
    def next_items(
        count: Annotated[int, Field(ge=1, le=100, description="How many items.")] = 1,
        within: Annotated[str | None, Field(description="Only from this chapter or section (an id).")] = None,
        path: Annotated[
            str | None, Field(description="Only from this learning path (default: the active one).")
        ] = None,
    ) -> Annotated[CallToolResult, NEXT]:
        """What to study next: the topics in progress first, then the first not started, on the learner's active
        learning path (or within an item), each with its next phase, papers (which are unread) and links. As
        `llmlanding next -n COUNT --json`."""
        return answer(lambda env: tools.next_items(env, count, within, path), wrap=True)

    @server.tool(name="status", annotations=READS)
    def status() -> Annotated[CallToolResult, STATUS]:
        """How far the learner is: overall and per chapter, the active path, streak, pace, goal and time spent. As
        `llmlanding status --json`."""
        return answer(tools.status, wrap=False)

    @server.tool(name="show", annotations=READS)
    def show(id: ItemId) -> Annotated[CallToolResult, SHOW]:
        """One item: titles, description, status and phases, its papers and links, everything below it, the
        learner's note on it and linked code. As `llmlanding show ID --json`."""
        return answer(lambda env: tools.show(env, id), wrap=True)

    @server.tool(name="search", annotations=READS)
    def search(
        query: Annotated[str, Field(description="Words to find, in Chinese or English.")],
        limit: Annotated[int, Field(ge=1, le=100, description="How many hits.")] = 20,
    ) -> Annotated[CallToolResult, SEARCH]:
        """Find items by their titles, descriptions, papers, links and the learner's notes, best first. As
        `llmlanding search QUERY --json`."""
        return answer(lambda env: tools.search(env, query, limit), wrap=True)

    @server.tool(name="notes", annotations=READS)
    def notes(id: OptionalId = None) -> Annotated[CallToolResult, NOTES]:
        """The notes the learner wrote, exactly as written, in roadmap order; with an id, only that item's note
        (an empty list when it has none). As `llmlanding notes [ID] --json`."""
        return answer(lambda env: tools.notes(env, id), wrap=True)

    @server.tool(name="due_reviews", annotations=READS)
    def due_reviews() -> Annotated[CallToolResult, REVIEWS]:
        """The topics due for spaced review by the end of today and the next ones to come, soonest first (a
        topic enters review when its written summary is done; FSRS schedules it from the learner's ratings). As
        `llmlanding review --list --json`. Quiz the learner on a due topic (quiz_material), then rate_review."""
        return answer(tools.due_reviews, wrap=False)

    @server.tool(name="quiz_material", annotations=READS)
    def quiz_material(id: ItemId) -> Annotated[CallToolResult, QUIZ]:
        """What to quiz the learner on an item from: its titles and description, every topic below it with the
        learner's note on each, the learner's note on the item, and its papers (read or not)."""
        return answer(lambda env: tools.quiz_material(env, id), wrap=False)

    @server.tool(name="papers", annotations=READS)
    def papers(
        id: OptionalId = None,
        unread: Annotated[bool, Field(description="Only the papers not read yet.")] = False,
        read: Annotated[bool, Field(description="Only the papers read.")] = False,
    ) -> Annotated[CallToolResult, PAPERS]:
        """The papers at or below an item (the whole roadmap without one), each once, with whether the learner
        has read it. As `llmlanding papers [ID] --json`."""
        return answer(lambda env: tools.papers(env, id, unread, read), wrap=True)

    @server.tool(name="mark_phase", annotations=WRITES)
    def mark_phase(
        id: ItemId,
        phase: Annotated[Literal["theory", "practice", "summary"], Field(description="The phase done.")],
    ) -> Annotated[CallToolResult, BATCHES]:
        """Record that the learner has done a phase of a topic (of every topic below a chapter or section), as
        `llmlanding done ID --phase PHASE`; logged as made by the assistant. Only when the server was started
        with --allow-writes. Returns the change logged, as `llmlanding log --json` shows it (none when the phase
        was done already)."""
        return answer(lambda env: tools.mark_phase(env, id, phase, allowed=allow_writes), wrap=True)

    @server.tool(name="append_note", annotations=WRITES)
    def append_note(
        id: ItemId,
        text: Annotated[str, Field(description="The paragraph to add (markdown).")],
    ) -> Annotated[CallToolResult, BATCHES]:
        """Add a dated paragraph to the learner's note on an item, as `llmlanding note ID -m TEXT`; logged as made
        by the assistant. Only when the server was started with --allow-writes. Returns the change logged, as
        `llmlanding log --json` shows it."""
        return answer(lambda env: tools.append_note(env, id, text, allowed=allow_writes), wrap=True)

    @server.tool(name="rate_review", annotations=WRITES)
    def rate_review(
        id: Annotated[str, Field(description="A topic in review (3.2.1), or the item a paper in review is under.")],
        rating: Annotated[
            Literal["again", "hard", "good", "easy"],
            Field(description="How well the learner recalled it: again (forgot), hard, good or easy."),
        ],
        paper: Annotated[
            int | None,
            Field(
                ge=1, description="Rate the item's N-th paper, as show numbers them (a due_reviews card with a paper)."
            ),
        ] = None,
    ) -> Annotated[CallToolResult, RATED]:
        """Rate how well the learner recalled a topic (or a paper) in review, which schedules its next review, as
        `llmlanding review ID [--paper N] --rating RATING`; logged as made by the assistant. Only when the server
        was started with --allow-writes. Returns the card after the rating and how many reviews are still due
        today."""
        return answer(lambda env: tools.rate_review(env, id, paper, rating, allowed=allow_writes), wrap=False)

    @server.resource(
        "llmlanding://outline",
        name="outline",
        title="The roadmap's outline",
        description="Every chapter, section and topic with its papers, links and the learner's progress, as "
        "`llmlanding list --depth 3 --json` prints it.",
        mime_type="application/json",
    )
    def outline() -> str:
        return json.dumps(_or_protocol_error(lambda: tools.outline(Env(settings))), ensure_ascii=False, indent=2)

    @server.prompt(name="quiz_me", title="Quiz me on ID", description="Be quizzed on a roadmap item, from your notes.")
    def quiz_me(id: ItemId) -> str:
        from llmlanding.views.words import msg

        env = Env(settings)
        material = _or_protocol_error(lambda: tools.quiz_material(env, id))
        lang = env.lang
        title = material["title"][lang] or material["title"]["zh"]
        data = json.dumps(material, ensure_ascii=False, indent=2)
        return msg(lang, "assistant.quiz", id=material["id"], title=title) + f"\n\n```json\n{data}\n```\n"

    return server


# pydantic's report of arguments that do not fit a tool's input schema, as the SDK words it: a header, then for
# each problem the argument's name and, indented, what is wrong with it and a link.
_INVALID = re.compile(r"^Error executing tool (?P<tool>\S+): \d+ validation errors? for \S+\n(?P<problems>.*)\Z", re.S)


async def one_line_argument_errors(ctx: ServerRequestContext[Any, Any], call_next: CallNext) -> HandlerResult:
    """Arguments that do not fit a tool's schema are refused in one line, as the CLI refuses a bad option:
    `error: mark_phase: phase: Input should be 'theory', 'practice' or 'summary'`."""
    result = await call_next(ctx)  # the result as it goes on the wire: a dict with the protocol's names
    if ctx.method != "tools/call" or not isinstance(result, dict) or result.get("isError") is not True:
        return result
    blocks = result.get("content")
    text = blocks[0].get("text") if isinstance(blocks, list) and len(blocks) == 1 else None
    found = _INVALID.match(text) if isinstance(text, str) else None
    if found is None:
        return result
    lines = [line.strip() for line in found["problems"].splitlines() if line.strip()]
    lines = [line for line in lines if not line.startswith("For further information")]
    problems = [f"{name}: {what.split(' [type=')[0]}" for name, what in zip(lines[::2], lines[1::2], strict=False)]
    line = f"error: {found['tool']}: {'; '.join(problems)}"
    return {**result, "content": [{"type": "text", "text": line}]}


def _or_protocol_error(call: Callable[[], Any]) -> Any:
    """A resource or a prompt fails as a protocol error carrying the CLI's line (a tool fails as a tool error)."""
    try:
        return call()
    except LLMLandingError as exc:
        raise MCPError(code=INVALID_PARAMS, message=format_error(exc)) from None


def serve(settings: Settings, *, allow_writes: bool) -> None:
    """Answer on stdin and stdout until the client closes them."""
    build(settings, allow_writes=allow_writes).run("stdio")
