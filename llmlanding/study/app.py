"""`llmlanding study`: the roadmap as a tree on the left, the selected item on the right, the learner's standing at
the bottom, and one key for each thing a learner does while studying.

Textual lives only in this package and only the `study` command imports it. What the screen shows comes from
`views/study.py`; what a key changes goes through `session.Session`, which calls the commands' own services."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, Static, TextArea, Tree
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from llmlanding.errors import LLMLandingError
from llmlanding.settings import today
from llmlanding.study.session import Said, Session
from llmlanding.views.inert import inert
from llmlanding.views.study import Inert, bar_view, head_view, keys_view, note_view, ref_lines, tree_label
from llmlanding.views.words import msg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from llmlanding.views.shapes import ReviewCardJSON

Editor = Callable[[str, str], str]  # the learner's own editor: (the note, the item's id) -> the note saved

REFRESH_SECONDS = 2.0  # how often the store is asked whether another process changed it


class StudyTree(Tree[str]):
    """The roadmap tree, with vi keys and arrows that fold and unfold."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("left,h", "fold", show=False),
        Binding("right,l", "unfold", show=False),
    ]

    def action_fold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def action_unfold(self) -> None:
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])


class RefList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding("escape,left,h", "back", show=False),
    ]

    def action_back(self) -> None:
        self.screen.query_one(StudyTree).focus()


class StudyScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next", show=False),
        Binding("t", "tick('theory')", show=False),
        Binding("p", "tick('practice')", show=False),
        Binding("s", "tick('summary')", show=False),
        Binding("d", "record('done')", show=False),
        Binding("x", "record('skip')", show=False),
        Binding("u", "undo", show=False),
        Binding("e", "edit", show=False),
        Binding("E", "edit_outside", show=False),
        Binding("o", "open", show=False),
        Binding("r", "read", show=False),
        Binding("v", "read('review')", show=False),
        Binding("slash", "search", show=False),
        Binding("R", "review", show=False),
        Binding("g", "goto", show=False),
        Binding("question_mark", "keys", show=False),
        Binding("q", "quit", show=False),
    ]

    def __init__(self, session: Session, editor: Editor | None, banner: str | None = None) -> None:
        super().__init__()
        self.banner = banner
        self.HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]  # below 70 columns the item goes under
        self.session = session
        self.editor = editor
        self.nodes: dict[str, TreeNode[str]] = {}
        self.on_path: dict[str, bool] = {}
        self.shown: str | None = None
        self.path = ""  # the learning path the tree is ordered by

    @property
    def lang(self) -> str:
        return self.session.lang

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield StudyTree("", id="tree")
            with VerticalScroll(id="detail"):
                yield Static(id="head")
                yield RefList(id="refs")
                yield Static(id="note")
        yield Static(id="said")
        yield Static(id="bar")

    def on_mount(self) -> None:
        tree = self.query_one(StudyTree)
        tree.show_root = False
        tree.auto_expand = False
        tree.guide_depth = 2
        self._build(tree)
        self._bar()
        tree.focus()
        # After the first layout: scrolling to a node needs the tree's height.
        self.call_after_refresh(self.jump, self.session.start_item())
        self.set_interval(REFRESH_SECONDS, self.poll)

    # --- the tree ------------------------------------------------------------------------------------------

    def _build(self, tree: StudyTree) -> None:
        outline = self.session.snap.outline
        tree.clear()
        self.nodes.clear()
        self.on_path.clear()
        self.path = self.session.snap.active_path
        path = outline.paths[self.path]
        # Text, not str: Textual would read a str as markup, and titles and ids come from the roadmap file.
        tree.border_title = Text(inert(msg(self.lang, "study.path", title=path.title(self.lang))))
        tree.border_subtitle = Text(inert(self.banner)) if self.banner else None

        def add(parent: TreeNode[str], item_id: str, on_path: bool) -> None:
            item = outline.items[item_id]
            self.on_path[item_id] = on_path
            label = tree_label(outline, item, self.lang, self.session.snap.states, on_path)
            if item.children:
                node = parent.add(label, data=item_id, expand=False)
                for child in item.children:
                    add(node, child, on_path)
            else:
                node = parent.add_leaf(label, data=item_id)
            self.nodes[item_id] = node

        for root_id, on_path in self.session.roots():
            add(tree.root, root_id, on_path)

    def _relabel(self) -> None:
        snap = self.session.snap
        for item_id, node in self.nodes.items():
            node.set_label(
                tree_label(snap.outline, snap.outline.items[item_id], self.lang, snap.states, self.on_path[item_id])
            )

    def jump(self, item_id: str) -> None:
        """Select an item, unfolding what holds it."""
        tree = self.query_one(StudyTree)
        node = self.nodes[self.session.item(item_id).id]
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        _ = tree.last_line  # lays the unfolded lines out now, so that the node has its line to move to
        tree.move_cursor(node)
        tree.scroll_to_node(node, animate=False)
        self.show_item(node.data)

    @property
    def selected(self) -> str:
        node = self.query_one(StudyTree).cursor_node
        if node is not None and node.data is not None:
            return node.data
        return self.shown or self.session.start_item()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data is not None:
            self.show_item(event.node.data)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        refs = self.query_one(RefList)
        if refs.option_count:
            refs.focus()
            if refs.highlighted is None:
                refs.action_first()  # the first paper or link, not its heading

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, RefList):  # Enter on a paper or link opens it, as `o` does
            self.action_open()

    # --- the detail pane -----------------------------------------------------------------------------------

    def show_item(self, item_id: str | None, force: bool = False) -> None:
        if item_id is None or (item_id == self.shown and not force):
            return
        snap = self.session.snap
        item = snap.outline.items[item_id]
        self.query_one("#head", Static).update(head_view(snap.outline, item, self.lang, snap.states))
        refs = self.query_one(RefList)
        keep = refs.highlighted if item_id == self.shown else None
        lines = ref_lines(snap.outline, item, snap.read, self.lang)
        refs.set_options([Option(Inert(line), id=key, disabled=key is None) for key, line in lines])
        refs.display = bool(lines)
        if keep is not None and keep < len(lines):
            refs.highlighted = keep
        self.query_one("#note", Static).update(note_view(item_id, self.session.notes.get(item_id), self.lang))
        self.shown = item_id

    def _bar(self) -> None:
        from llmlanding.views.shapes import activity_json

        snap = self.session.snap
        self.query_one("#bar", Static).update(bar_view(activity_json(snap, today()), snap.reviews_due, self.lang))

    def say(self, view: RenderableType, error: bool = False) -> None:
        said = self.query_one("#said", Static)
        said.set_class(error, "error")
        said.update(Inert(view))

    def _apply(self, work: Callable[[], Said]) -> None:
        """Run one key's write; show what it did, or its error in one line with nothing changed."""
        try:
            said = work()
        except (LLMLandingError, OSError) as exc:
            self.say(Text(str(exc).splitlines()[0] if str(exc) else type(exc).__name__), error=True)
            return
        self.say(said.view)
        if said.changed:
            self._redraw()
        self.show_item(self.selected, force=True)

    def _redraw(self) -> None:
        """The tree and the bar after the snapshot changed: new marks, or a new tree when the roadmap's items or
        the path changed (an upgrade undone, another path chosen elsewhere)."""
        snap = self.session.snap
        if snap.outline.items.keys() != self.nodes.keys() or self.path != snap.active_path:
            here = self.selected
            self._build(self.query_one(StudyTree))
            self.jump(here if here in snap.outline.items else self.session.start_item())
        else:
            self._relabel()
        self._bar()

    def poll(self) -> None:
        """Every few seconds: show what changed elsewhere, and keep the place when it moved (one small write),
        so that a closed terminal, not only `q`, leaves it remembered."""
        self.check_elsewhere()
        self.leave()

    def check_elsewhere(self) -> None:
        """Show what another process wrote meanwhile (a `done` in another terminal, a `sync`)."""
        try:
            changed = self.session.changed_elsewhere()
        except LLMLandingError as exc:
            self.say(Text(str(exc)), error=True)
            return
        if changed:
            self._redraw()
            self.show_item(self.selected, force=True)
            self.say(Text(msg(self.lang, "study.refreshed"), style="dim"))

    # --- the keys ------------------------------------------------------------------------------------------

    def action_next(self) -> None:
        item_id = self.session.next_topic()
        if item_id is not None:
            self.jump(item_id)

    def action_tick(self, phase: str) -> None:
        item_id = self.selected
        self._apply(lambda: self.session.toggle(item_id, phase))

    def action_record(self, command: str) -> None:
        item_id = self.selected
        self._apply(lambda: self.session.record(command, item_id))

    def action_undo(self) -> None:
        self._apply(self.session.undo)

    def _chosen_ref(self) -> tuple[int | None, int | None]:
        """The paper or link highlighted in the detail pane when it has the focus, else none (as `open ID`)."""
        refs = self.query_one(RefList)
        if not refs.has_focus or refs.highlighted is None:
            return None, None
        key = refs.get_option_at_index(refs.highlighted).id or ""
        number = int(key[1:])
        return (number, None) if key.startswith("p") else (None, number)

    def action_open(self) -> None:
        item_id = self.selected
        paper, link = self._chosen_ref()
        if not getattr(self.app, "browser_in_terminal", False):
            self._apply(lambda: self.session.open_ref(item_id, paper, link))
            return
        try:  # $BROWSER may be a terminal browser: it gets the terminal while it runs
            with self.app.suspend():
                self._apply(lambda: self.session.open_ref(item_id, paper, link))
        except SuspendNotSupported:
            self._apply(lambda: self.session.open_ref(item_id, paper, link))

    def action_read(self, review: str = "") -> None:
        item_id = self.selected
        paper, link = self._chosen_ref()
        if link is not None:
            self.say(Text(msg(self.lang, "study.not_paper")), error=True)
            return
        self._apply(lambda: self.session.mark_paper(item_id, paper, review=bool(review)))

    def action_edit(self) -> None:
        item_id = self.selected
        old = self.session.notes.get(item_id, "")

        def saved(text: str | None) -> None:
            if text is not None and text != old:
                self._apply(lambda: self.session.save_note(item_id, text))

        self.app.push_screen(NoteEditor(item_id, old, self.lang), saved)

    def action_edit_outside(self) -> None:
        editor = self.editor
        if editor is None:
            return
        item_id = self.selected
        old = self.session.notes.get(item_id, "")
        try:
            with self.app.suspend():
                text = editor(old, item_id)
        except SuspendNotSupported:
            self.say(Text(msg(self.lang, "study.no_suspend")), error=True)
            return
        except LLMLandingError as exc:
            self.say(Text(str(exc)), error=True)
            return
        if text != old:
            self._apply(lambda: self.session.save_note(item_id, text))

    def action_search(self) -> None:
        self.app.push_screen(SearchScreen(self.session), self._jump_to)

    def action_goto(self) -> None:
        self.app.push_screen(GotoScreen(self.lang), self._jump_to)

    def _jump_to(self, item_id: str | None) -> None:
        if not item_id:
            return
        try:
            self.jump(item_id)
        except LLMLandingError as exc:
            self.say(Text(str(exc)), error=True)

    def action_review(self) -> None:
        from llmlanding.views.review import nothing_due_view

        data = self.session.due_cards()
        due = data["due"]
        if not due:
            self.say(nothing_due_view(data, self.lang, finished=False))
            return

        def finished(_result: None) -> None:
            self._bar()

        self.app.push_screen(ReviewScreen(self.session, due), finished)

    def action_keys(self) -> None:
        self.app.push_screen(KeysScreen(keys_view(self.lang, review=True)))

    def action_quit(self) -> None:
        self.leave()
        self.app.exit()

    def leave(self) -> None:
        """Remember where the learner is, for the next start."""
        with contextlib.suppress(LLMLandingError, OSError):  # a convenience: quitting must not fail for it
            self.session.remember(self.selected)


class NoteEditor(ModalScreen[str | None]):
    """The in-app editor: the note as markdown text; Ctrl+S saves it, Esc leaves it as it was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", show=False),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, item_id: str, text: str, lang: str) -> None:
        super().__init__()
        self.item_id, self.text, self.lang = item_id, text, lang

    def compose(self) -> ComposeResult:
        yield Static(Text(inert(msg(self.lang, "study.edit", id=self.item_id))), classes="prompt")
        yield TextArea(self.text, id="editor", soft_wrap=True, show_line_numbers=False)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class SearchScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(Text(msg(self.session.lang, "study.search")), classes="prompt")
        yield Input(id="query")
        yield OptionList(id="hits")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        hits = self.query_one(OptionList)
        found = self.session.search(event.value)
        hits.set_options([Option(Inert(line), id=item_id) for item_id, line in found])
        if found:
            hits.highlighted = 0

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        hits = self.query_one(OptionList)
        if hits.highlighted is not None:
            self.dismiss(hits.get_option_at_index(hits.highlighted).id)

    def on_key(self, event: events.Key) -> None:
        hits = self.query_one(OptionList)
        if event.key in ("down", "up") and self.query_one(Input).has_focus and hits.option_count:
            hits.action_cursor_down() if event.key == "down" else hits.action_cursor_up()
            event.stop()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class GotoScreen(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", show=False)]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(Text(msg(self.lang, "study.goto")), classes="prompt")
        yield Input(id="where")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReviewScreen(ModalScreen[None]):
    """The loop of `llmlanding review`: each card due (a topic, or a paper put in review), recalled, the note
    shown, then rated."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter", "reveal", show=False),
        Binding("1,a", "rate(1)", show=False),
        Binding("2,h", "rate(2)", show=False),
        Binding("3,g", "rate(3)", show=False),
        Binding("4,e", "rate(4)", show=False),
        Binding("escape,q", "stop", show=False),
    ]

    def __init__(self, session: Session, due: list[ReviewCardJSON]) -> None:
        super().__init__()
        self.session, self.due = session, due
        self.at = 0
        self.revealed = False
        self.last: RenderableType = Text("")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card"):
            yield Static(id="question")
            yield Static(id="answer")
        yield Static(id="rated")

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        from llmlanding.views.review import answer_view, prompt_view

        lang = self.session.lang
        outline = self.session.snap.outline
        card = self.due[self.at]
        item = outline.items[card["id"]]
        trail = " › ".join(f"{a.id} {a.title(lang)}" for a in outline.ancestors(item.id))
        self.query_one("#question", Static).update(Inert(prompt_view(card, trail, self.at + 1, len(self.due), lang)))
        answer = self.query_one("#answer", Static)
        if self.revealed:
            note = self.session.notes.get(item.id)
            paper = card["paper"]
            refs = [f"{paper['title']}  {paper['url']}"] if paper else [p.title for p in item.papers]
            answer.update(Inert(answer_view(item.id, note, refs, lang)))
            self.query_one("#rated", Static).update(Text(msg(lang, "study.rate"), style="bold"))
        else:
            answer.update(Text(msg(lang, "study.reveal"), style="dim"))
            self.query_one("#rated", Static).update(Inert(self.last))

    def action_reveal(self) -> None:
        self.revealed = True
        self._show()

    def action_rate(self, rating: int) -> None:
        if not self.revealed:
            return
        try:
            said = self.session.rate(self.due[self.at], rating)
        except LLMLandingError as exc:
            self.query_one("#rated", Static).update(Text(str(exc), style="red"))
            return
        self.last = said.view
        self.at += 1
        self.revealed = False
        if self.at >= len(self.due):
            self.dismiss(None)
            return
        self._show()

    def action_stop(self) -> None:
        self.dismiss(None)


class KeysScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", show=False)]

    def __init__(self, table: RenderableType) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        yield Static(self.table, id="keys")

    def action_close(self) -> None:
        self.dismiss(None)


class StudyApp(App[None]):
    CSS_PATH = "study.tcss"
    TITLE = "llmlanding study"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, session: Session, editor: Editor | None = None, banner: str | None = None) -> None:
        """`banner` names the run's roadmap when the home knows several (as every command's first line does)."""
        super().__init__()
        self.session = session
        self.editor = editor
        self.banner = banner
        self.browser_in_terminal = False  # $BROWSER is set: opening an address hands it the terminal

    def on_mount(self) -> None:
        self.push_screen(StudyScreen(self.session, self.editor, self.banner))

    async def action_quit(self) -> None:
        """Ctrl+Q, Textual's own quit, remembers the place as `q` does."""
        for screen in self.screen_stack:
            if isinstance(screen, StudyScreen):
                screen.leave()
        self.exit()

    def on_app_focus(self, _event: events.AppFocus) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, StudyScreen):
                screen.check_elsewhere()

    def on_unmount(self) -> None:
        self.session.close()
