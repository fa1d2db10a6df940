"""The journal's git layer against real git: bare repositories in tmp_path play the remote, and two journals
play two machines. Nothing is mocked."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from llmlanding.errors import LLMLandingError, UsageError
from llmlanding.sync.journal import Journal, PullReport, check_remote, git_identity
from llmlanding.sync.repos import inspect_repo

IDENTITY = {
    "GIT_AUTHOR_NAME": "Fixture",
    "GIT_AUTHOR_EMAIL": "fixture@example.org",
    "GIT_COMMITTER_NAME": "Fixture",
    "GIT_COMMITTER_EMAIL": "fixture@example.org",
}


@pytest.fixture(autouse=True)
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user.name anywhere: the journal must work on a machine where git was never configured."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-such-gitconfig"))
    for var in IDENTITY:
        monkeypatch.delenv(var, raising=False)


def git(cwd: Path, *args: str) -> str:
    """Real git, for building fixtures and looking at the result; the identity is given only to this process."""
    done = subprocess.run(
        ["git", *args],
        cwd=cwd,
        env={**os.environ, **IDENTITY},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def bare(path: Path) -> Path:
    subprocess.run(["git", "init", "--quiet", "--bare", str(path)], check=True)
    return path


def event(event_id: str, device: str, learner: str = "ann", **extra: object) -> dict[str, object]:
    return {"id": event_id, "device": device, "learner": learner, "item": "1.1", **extra}


def sync(journal: Journal, who: str) -> tuple[PullReport, bool]:
    journal.commit(f"sync from {who}", who, f"{who}@example.org")
    pulled = journal.pull()
    journal.commit(f"merged on {who}", who, f"{who}@example.org")
    pushed = journal.push()
    assert pushed.reason is None
    return pulled, pushed.pushed


def not_merging(journal: Journal) -> bool:
    dot_git = journal.path / ".git"
    return not any((dot_git / name).exists() for name in ("MERGE_HEAD", "MERGE_MSG", "MERGE_MODE"))


# ----------------------------------------------------------------------------------------- check_remote


def test_check_remote_accepts_encrypted_urls_and_existing_repositories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    remote = bare(tmp_path / "remote.git")
    work = tmp_path / "work"
    git(tmp_path, "init", "--quiet", str(work))
    home_repo = bare(Path(os.environ["HOME"]) / "journal.git")
    monkeypatch.chdir(tmp_path)
    for url in [
        "https://github.com/me/journal.git",
        "https://me@git.example.org:8443/group/journal",
        "ssh://git@github.com/me/journal.git",
        "ssh://host.example.org:2222/srv/journal",
        "git@github.com:me/journal.git",
        "host:journal.git",
        str(remote),
        str(work),
        "remote.git",
        "./work",
        "~/journal.git",
    ]:
        assert check_remote(url) == url
    assert home_repo.is_dir()


HOSTILE = [
    "ext::sh -c touch% pwned",
    "ext::sh",
    "fd::17",
    "-oProxyCommand=x",
    "--upload-pack=touch pwned",
    "https://h/$HOME",
    "https://h/`touch pwned`",
    "https://h/a b",
    "https://h/a\nb",
    "https://h/\x1b[31m",
    "http://x/y",
    "file:///tmp/x",
    "git://host/x",
    "ftp://host/x",
    "ssh://-oProxyCommand=x/y",
    "ssh://host",
    "-host:x",
    "host::x",
    "ho$t:x",
    "",
    "does/not/exist",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_check_remote_refuses_hostile_or_unusable_remotes(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as caught:
        check_remote(url)
    message = caught.value.message
    assert message.startswith("refusing remote '")
    assert "\n" not in message and "\x1b" not in message
    assert message.endswith("use an https://, ssh:// or user@host:path URL, or the path of an existing git repository")
    # Refused before git runs: the journal is not even created.
    with pytest.raises(UsageError):
        Journal.init(tmp_path / "journal", url)
    assert not (tmp_path / "journal").exists()
    assert not list(tmp_path.rglob("pwned")) and not Path("pwned").exists()


def test_check_remote_refuses_a_plain_directory(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    (plain / "HEAD").write_text("not really\n")
    with pytest.raises(UsageError, match="not a git repository"):
        check_remote(str(plain))
    with pytest.raises(UsageError, match="no such directory"):
        check_remote(str(tmp_path / "nowhere"))


def test_a_hostile_url_put_in_the_config_by_hand_is_still_never_run(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "journal") as journal:
        git(journal.path, "remote", "add", "origin", "ext::sh -c touch% pwned")
        pulled = journal.pull()
        pushed = journal.push()
    assert not pulled.reached and pulled.reason is not None and pulled.reason.startswith("cannot use remote")
    assert not pushed.pushed and pushed.reason is not None
    assert not list(tmp_path.rglob("pwned"))


# ----------------------------------------------------------------------------------------------- syncing


def test_two_machines_share_their_events_and_notes(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        assert a.status().branch == "main"
        assert a.append_events("ann", "laptop", [event("e1", "laptop"), event("e2", "laptop")]) == 2
        a.write_note("1.1", "attention is a weighted sum\n")
        a.write_file("README.md", "# Ann\n")
        pulled, pushed = sync(a, "ann")
        assert pulled == PullReport(True, 0, None) and pushed
        assert a.status().unpushed == 0
        assert git(a.path, "config", "--get", "branch.main.remote") == "origin"  # push set the upstream

    with Journal.init(tmp_path / "b", str(remote)) as b:
        assert b.initial_pull is not None and b.initial_pull.reached and b.initial_pull.new_commits >= 2
        assert {e["id"] for e in b.read_events()} == {"e1", "e2"}
        assert b.read_notes() == {"1.1": "attention is a weighted sum\n"}
        assert b.append_events("ann", "desktop", [event("e3", "desktop")]) == 1
        pulled, pushed = sync(b, "ann")
        assert pulled.reached and pushed

    with Journal.open(tmp_path / "a") as a:
        pulled = a.pull()
        assert pulled.reached and pulled.new_commits >= 1
        assert sorted(e["id"] for e in a.read_events()) == ["e1", "e2", "e3"]
        assert sorted(p.name for p in (a.path / "events").iterdir()) == ["ann@desktop.jsonl", "ann@laptop.jsonl"]
        assert a.status().uncommitted == []
    # The journals' histories are one: both machines ended on the same commit.
    assert git(tmp_path / "a", "rev-parse", "HEAD") == git(remote, "rev-parse", "main")


def test_offline_work_on_both_machines_merges_with_nothing_lost(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        a.append_events("ann", "laptop", [event("a1", "laptop")])
        sync(a, "ann")
    with Journal.init(tmp_path / "b", str(remote)) as b:
        sync(b, "ann")
    # Both work offline and commit, several times, without knowing about each other.
    with Journal.open(tmp_path / "a") as a, Journal.open(tmp_path / "b") as b:
        for n in range(3):
            a.append_events("ann", "laptop", [event(f"a{n + 2}", "laptop")])
            a.write_note(f"2.{n}", f"from the laptop {n}\n")
            assert a.commit(f"laptop {n}", "ann", "ann@example.org")
            b.append_events("ann", "desktop", [event(f"b{n}", "desktop")])
            b.write_note(f"3.{n}", f"from the desktop {n}\n")
            assert b.commit(f"desktop {n}", "ann", "ann@example.org")
        assert a.push().pushed
        rejected = b.push()
        assert not rejected.pushed and rejected.reason is not None
        assert rejected.reason.endswith("run `llmlanding sync` again to retry")
        pulled = b.pull()
        assert pulled.reached and pulled.new_commits == 3 and not_merging(b)
        assert b.push().pushed
        assert a.pull().reached
        expected = {"a1", "a2", "a3", "a4", "b0", "b1", "b2"}
        assert {e["id"] for e in a.read_events()} == expected == {e["id"] for e in b.read_events()}
        assert a.read_notes() == b.read_notes()
        assert set(a.read_notes()) == {"2.0", "2.1", "2.2", "3.0", "3.1", "3.2"}
        assert a.status().uncommitted == [] and b.status().unpushed == 0


def test_generated_files_edited_on_both_sides_keep_ours_and_never_stay_mid_merge(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        a.write_note("1.1", "base\n")
        a.write_file("README.md", "# base\n")
        sync(a, "ann")
    with Journal.init(tmp_path / "b", str(remote)) as b:
        sync(b, "ann")
    with Journal.open(tmp_path / "a") as a, Journal.open(tmp_path / "b") as b:
        a.write_note("1.1", "laptop's version\n")
        a.write_file("README.md", "# laptop\n")
        a.write_note("1.2", "only on the laptop\n")
        a.commit("laptop", "ann", "ann@example.org")
        assert a.push().pushed
        b.write_note("1.1", "desktop's version\n")
        b.write_file("README.md", "# desktop\n")
        b.write_note("1.3", "new on the desktop\n")
        b.commit("desktop", "ann", "ann@example.org")
        pulled = b.pull()
        assert pulled.reached and pulled.new_commits == 1
        assert not_merging(b) and b.status().uncommitted == []
        notes = b.read_notes()
        assert notes["1.1"] == "desktop's version\n"
        assert notes["1.2"] == "only on the laptop\n" and notes["1.3"] == "new on the desktop\n"
        assert (b.path / "README.md").read_text() == "# desktop\n"
        assert "<<<<<<<" not in (b.path / "notes" / "1.1.md").read_text()
        parents = git(b.path, "log", "-1", "--format=%P").split()
        assert len(parents) == 2  # a real merge, committed
        assert b.push().pushed
        assert a.pull().new_commits >= 1
        assert (a.path / "README.md").read_text() == "# desktop\n"


def test_a_note_deleted_on_one_side_and_changed_on_the_other_settles_on_ours(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        a.write_note("4.1", "base\n")
        sync(a, "ann")
    with Journal.init(tmp_path / "b", str(remote)) as b, Journal.open(tmp_path / "a") as a:
        a.write_note("4.1", None)
        a.commit("deleted", "ann", "ann@example.org")
        assert a.push().pushed
        b.write_note("4.1", "changed\n")
        b.commit("changed", "ann", "ann@example.org")
        assert b.pull().reached
        assert not_merging(b) and b.read_notes() == {"4.1": "changed\n"}


@pytest.mark.parametrize("union_attribute", [True, False], ids=["git-union-driver", "own-resolution"])
def test_an_event_file_changed_on_both_sides_keeps_every_line(tmp_path: Path, union_attribute: bool) -> None:
    """Two copies of one device (a restored backup, say) both append to the same file. git's union driver
    settles it; without it (the attribute gone), the journal's own conflict resolution must do the same."""
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        a.append_events("ann", "laptop", [event("x0", "laptop")])
        sync(a, "ann")
    with Journal.init(tmp_path / "b", str(remote)) as b, Journal.open(tmp_path / "a") as a:
        a.append_events("ann", "laptop", [event("x1", "laptop"), event("x2", "laptop")])
        a.commit("a", "ann", "ann@example.org")
        assert a.push().pushed
        b.append_events("ann", "laptop", [event("y1", "laptop")])
        b.commit("b", "ann", "ann@example.org")
        if not union_attribute:
            (b.path / ".git" / "info" / "attributes").unlink()
        assert b.pull().reached and not_merging(b)
        assert sorted(e["id"] for e in b.read_events()) == ["x0", "x1", "x2", "y1"]
        lines = (b.path / "events" / "ann@laptop.jsonl").read_text().splitlines()
        assert len(lines) == 4 and not any(line.startswith(("<<<", "===", ">>>")) for line in lines)
        assert b.status().uncommitted == []


def test_an_unreachable_remote_is_reported_and_local_commits_stay(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        sync(a, "ann")
    shutil.rmtree(remote)
    with Journal.open(tmp_path / "a") as a:
        a.append_events("ann", "laptop", [event("e1", "laptop")])
        assert a.commit("offline work", "ann", "ann@example.org")
        head = git(a.path, "rev-parse", "HEAD")
        pulled = a.pull()
        assert not pulled.reached and pulled.new_commits == 0
        assert pulled.reason is not None and "\n" not in pulled.reason and str(remote) in pulled.reason
        pushed = a.push()
        assert not pushed.pushed and pushed.reason is not None and "\n" not in pushed.reason
        assert "your changes are committed locally; run `llmlanding sync` again to retry" in pushed.reason
        assert git(a.path, "rev-parse", "HEAD") == head
        assert a.status().unpushed == 1 and a.status().uncommitted == []
        assert [e["id"] for e in a.read_events()] == ["e1"]


def test_a_remote_git_cannot_reach_gives_git_s_reason_in_one_line(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "a") as a:
        a.append_events("ann", "laptop", [event("e1", "laptop")])
        a.commit("work", "ann", "ann@example.org")
        head = git(a.path, "rev-parse", "HEAD")
    # Nothing listens on port 9: the connection is refused at once. The remote is set after init, which
    # would otherwise have tried to fetch it.
    git(tmp_path / "a", "remote", "add", "origin", "https://127.0.0.1:9/journal.git")
    with Journal.open(tmp_path / "a") as a:
        pulled = a.pull(timeout=10)
        pushed = a.push(timeout=10)
        assert not pulled.reached and pulled.reason and "\n" not in pulled.reason
        assert "127.0.0.1" in pulled.reason
        assert not pushed.pushed and pushed.reason and "\n" not in pushed.reason
        assert git(a.path, "rev-parse", "HEAD") == head


def test_init_on_a_machine_that_cannot_reach_the_remote_still_creates_the_journal(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "a", str(remote)) as a:
        a.append_events("ann", "laptop", [event("a1", "laptop")])
        sync(a, "ann")
    with Journal.init(tmp_path / "b") as b:
        b.append_events("ann", "desktop", [event("b1", "desktop")])
        b.commit("offline start", "ann", "ann@example.org")
    # Joined later: unrelated histories merge.
    with Journal.init(tmp_path / "b", str(remote)) as b:
        assert b.initial_pull is None  # it has history of its own, so it did not start from the remote's
        pulled, pushed = sync(b, "ann")
        assert pulled.reached and pushed and not_merging(b)
        assert {e["id"] for e in b.read_events()} == {"a1", "b1"}


def test_without_a_remote_pull_and_push_do_nothing(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "journal") as journal:
        assert journal.pull() == PullReport(False, 0, None)
        pushed = journal.push()
        assert not pushed.pushed and pushed.reason is None
        status = journal.status()
        assert status.remote is None and status.unpushed is None and status.branch == "main"


def test_init_replaces_the_remote(tmp_path: Path) -> None:
    first, second = bare(tmp_path / "first.git"), bare(tmp_path / "second.git")
    with Journal.init(tmp_path / "j", str(first)) as journal:
        assert journal.status().remote == str(first)
    with Journal.init(tmp_path / "j", str(second)) as journal:
        assert journal.status().remote == str(second)
        assert git(journal.path, "remote") == "origin"


def test_a_relative_local_remote_is_stored_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bare(tmp_path / "remote.git")
    monkeypatch.chdir(tmp_path)
    with Journal.init(tmp_path / "j", "remote.git") as journal:
        assert journal.status().remote == str(tmp_path / "remote.git")
        journal.commit("x", "ann", "ann@example.org")
        assert journal.push().pushed


# ---------------------------------------------------------------------------------------- files and commits


def test_database_files_are_never_committed(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "journal") as journal:
        ignore = (journal.path / ".gitignore").read_text()
        for pattern in ("*.db", "*.db-wal", "*.db-shm", "*.sqlite*", "*.tmp"):
            assert pattern in ignore.splitlines()
        for name in ("llmlanding.db", "llmlanding.db-wal", "llmlanding.db-shm", "sub/x.sqlite3", "y.tmp", "z-wal"):
            (journal.path / name).parent.mkdir(parents=True, exist_ok=True)
            (journal.path / name).write_text("binary")
        # Even a .gitignore stripped of the rules (a remote's, say) lets none of them in.
        (journal.path / ".gitignore").write_text("")
        journal.write_file("README.md", "# hi\n")
        assert journal.commit("everything", "ann", "ann@example.org")
        tracked = git(journal.path, "ls-files").splitlines()
        assert sorted(tracked) == [".gitignore", "README.md"]
        assert journal.commit("again", "ann", "ann@example.org") is False


def test_commit_reports_when_there_is_nothing_to_commit(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "journal") as journal:
        assert journal.commit("nothing", "ann", "ann@example.org") is False
        journal.write_note("1.1", "x\n")
        assert journal.status().uncommitted == ["notes/1.1.md"]
        assert journal.commit("a note", "Ann Lee", "ann@example.org") is True
        assert git(journal.path, "log", "-1", "--format=%an <%ae> / %cn <%ce>") == (
            "Ann Lee <ann@example.org> / Ann Lee <ann@example.org>"
        )
        assert journal.commit("nothing", "ann", "ann@example.org") is False


def test_init_adopts_an_existing_repository_with_history(tmp_path: Path) -> None:
    path = tmp_path / "journal"
    git(tmp_path, "init", "--quiet", "--initial-branch=master", str(path))
    (path / ".gitignore").write_text("secret.txt\n")
    (path / "old.md").write_text("kept\n")
    (path / "tracked.db").write_text("should leave")
    git(path, "add", "-A")
    git(path, "commit", "--quiet", "-m", "old history")
    old = git(path, "rev-parse", "HEAD")
    with Journal.init(path) as journal:
        assert journal.status().branch == "main"
        assert git(path, "merge-base", "--is-ancestor", old, "HEAD") == ""
        lines = (path / ".gitignore").read_text().splitlines()
        assert lines[0] == "secret.txt" and "*.db" in lines
        assert git(path, "status", "--porcelain") == ""
        journal.commit("next", "ann", "ann@example.org")
        assert "tracked.db" not in git(path, "ls-files").splitlines()
        assert (path / "tracked.db").exists()  # dropped from the journal, not deleted from the disk
    with Journal.init(path) as journal:  # adopting again changes nothing
        assert git(path, "rev-list", "--count", "HEAD") == "3"  # old history, .gitignore, next
        assert journal.status().uncommitted == []


def test_open_refuses_a_missing_journal(tmp_path: Path) -> None:
    with pytest.raises(LLMLandingError) as caught:
        Journal.open(tmp_path / "nowhere")
    assert caught.value.message == f"no journal at {tmp_path / 'nowhere'}; run `llmlanding sync init` first"
    (tmp_path / "plain").mkdir()
    with pytest.raises(LLMLandingError, match="no journal at"):
        Journal.open(tmp_path / "plain")


def test_init_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "journal").write_text("")
    with pytest.raises(UsageError, match="in the way"):
        Journal.init(tmp_path / "journal")


def test_events_are_appended_once_and_read_back_deduplicated(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "journal") as journal:
        events = [event("e1", "d1", text="ünïcode"), event("e2", "d1")]
        assert journal.append_events("ann", "d1", events) == 2
        assert journal.append_events("ann", "d1", [*events, event("e3", "d1"), event("e3", "d1")]) == 1
        path = journal.path / "events" / "ann@d1.jsonl"
        assert path.read_text(encoding="utf-8").splitlines()[0] == (
            '{"device": "d1", "id": "e1", "item": "1.1", "learner": "ann", "text": "ünïcode"}'
        )
        assert journal.append_events("Ann Lee/../x", "d 2", [event("e1", "d2")]) == 1
        assert (journal.path / "events" / "Ann_Lee_.._x@d_2.jsonl").is_file()
        with path.open("a") as handle:
            handle.write('not json\n[1, 2]\n{"no": "id"}\n\n')
            handle.write('{"id": "e4", "cut": "sho')  # a last line cut short
        events_read = journal.read_events()
        assert [e["id"] for e in events_read] == ["e1", "e2", "e3"]
        assert journal.skipped_lines == 4
        assert journal.append_events("ann", "d1", [event("e4", "d1")]) == 1
        assert [e["id"] for e in journal.read_events()] == ["e1", "e2", "e3", "e4"]
        with pytest.raises(ValueError):
            journal.append_events("ann", "d1", [{"no": "id"}])


@pytest.mark.parametrize("item_id", ["../x", "1/2", "a", "", "1..2", ".1", "1.", "1.1\n"])
def test_notes_refuse_anything_but_an_item_id(tmp_path: Path, item_id: str) -> None:
    with Journal.init(tmp_path / "journal") as journal, pytest.raises(UsageError):
        journal.write_note(item_id, "x")


def test_notes_are_written_read_and_deleted(tmp_path: Path) -> None:
    with Journal.init(tmp_path / "journal") as journal:
        journal.write_note("3.2.1", "line\r\nno final newline")
        journal.write_note("10", "")
        (journal.path / "notes" / "stray.md").write_text("ignored")
        assert journal.read_notes() == {"3.2.1": "line\r\nno final newline", "10": ""}
        journal.write_note("10", None)
        journal.write_note("11", None)  # deleting a missing note is fine
        assert journal.read_notes() == {"3.2.1": "line\r\nno final newline"}
        assert not list(journal.path.rglob("*.tmp"))


@pytest.mark.parametrize(
    "relpath", ["../x", "/etc/x", ".git/config", "a/../../x", "sub/.GIT/x", "", "a\\b", "./", "a/\nb"]
)
def test_write_file_stays_inside_the_journal(tmp_path: Path, relpath: str) -> None:
    with Journal.init(tmp_path / "journal") as journal, pytest.raises(UsageError):
        journal.write_file(relpath, "x")
    assert not (tmp_path / "x").exists()
    assert (tmp_path / "journal" / ".git" / "config").read_text() != "x"


def test_write_file_refuses_to_follow_a_symlinked_directory(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    with Journal.init(tmp_path / "journal") as journal:
        (journal.path / "docs").symlink_to(outside)
        with pytest.raises(UsageError):
            journal.write_file("docs/x.md", "x")
        journal.write_file("README.md", "# one\n")
        journal.write_file("guide/part.md", "two\n")
        assert (journal.path / "README.md").read_text() == "# one\n"
        assert (journal.path / "guide" / "part.md").read_text() == "two\n"
    assert not list(outside.iterdir())


# ------------------------------------------------------------------------------------------ processes


def git_children() -> list[str]:
    """This process's children that are git (zombies included), read from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        comm = text[text.index("(") + 1 : text.rindex(")")]
        state, ppid = text[text.rindex(")") + 2 :].split()[:2]
        if int(ppid) == os.getpid() and comm.startswith("git"):
            found.append(f"{stat.parent.name} {comm} {state}")
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_twenty_sync_cycles_leave_no_git_process_behind(tmp_path: Path) -> None:
    remote = bare(tmp_path / "remote.git")
    with Journal.init(tmp_path / "journal", str(remote)):
        pass
    for n in range(20):
        with Journal.open(tmp_path / "journal") as journal:
            journal.append_events("ann", "laptop", [event(f"e{n}", "laptop")])
            journal.read_events()
            journal.read_notes()
            assert journal.commit(f"cycle {n}", "ann", "ann@example.org")
            assert journal.pull().reached
            assert journal.push().pushed
            journal.status()
        summary = inspect_repo(tmp_path / "journal")
        assert summary.state == "ok"
    assert git_children() == []
    assert git(remote, "rev-list", "--count", "main") == "21"


# ---------------------------------------------------------------------------------------- hands-on code


def test_inspect_repo_lists_the_latest_commits_newest_first(tmp_path: Path) -> None:
    repo = tmp_path / "code"
    git(tmp_path, "init", "--quiet", str(repo))
    for n in range(4):
        (repo / "f.py").write_text(f"x = {n}\n")
        git(repo, "add", "f.py")
        git(repo, "commit", "--quiet", "-m", f"step {n}\n\nlonger body")
    summary = inspect_repo(repo)
    assert summary.state == "ok" and summary.path == repo
    assert [c.message for c in summary.commits] == ["step 3", "step 2", "step 1"]
    assert all(len(c.sha) == 40 for c in summary.commits)
    assert all(isinstance(c.date, datetime) and c.date.tzinfo is not None for c in summary.commits)
    assert summary.commits[0].sha == git(repo, "rev-parse", "HEAD")
    assert len(inspect_repo(repo, n=10).commits) == 4


def test_inspect_repo_reports_empty_missing_and_foreign_paths(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    git(tmp_path, "init", "--quiet", str(empty))
    assert inspect_repo(empty).state == "empty" and inspect_repo(empty).commits == []
    assert inspect_repo(tmp_path / "deleted").state == "missing"
    plain = tmp_path / "plain"
    plain.mkdir()
    assert inspect_repo(plain).state == "not-a-repo"
    (tmp_path / "file.txt").write_text("")
    assert inspect_repo(tmp_path / "file.txt").state == "not-a-repo"
    broken = tmp_path / "broken"
    (broken / ".git").mkdir(parents=True)
    (broken / ".git" / "HEAD").write_text("garbage")
    assert inspect_repo(broken).state == "not-a-repo"
    moved = tmp_path / "moved"
    git(tmp_path, "init", "--quiet", str(moved))
    shutil.rmtree(moved)
    assert inspect_repo(moved).state == "missing"
    assert git_children() == []


def test_git_identity_is_none_on_an_unconfigured_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert git_identity() == (None, None)
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = Ann Lee\n\temail = ann@example.org\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    assert git_identity() == ("Ann Lee", "ann@example.org")
