"""Journal sync from the CLI alone: two homes stand for two machines, a bare repository for the remote."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import MINI_EDITION_1, MINI_EDITION_2, Machine, Run, bare_remote, machines


@pytest.fixture(autouse=True)
def no_git_identity(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    return bare_remote(tmp_path)


def test_two_machines_share_progress_and_notes(run: Run, tmp_path: Path, remote: Path) -> None:
    a, b = machines(run, tmp_path, remote)
    a.ok("done", "3.2")
    a.ok("note", "3.2.1", "-m", "from the laptop")
    assert "pushed to" in a.ok("sync")
    b.ok("done", "6.1")
    b.ok("sync")
    a.ok("sync")
    for machine in (a, b):
        assert machine.json("show", "3.2")["status"] == "done"
        assert machine.json("show", "6.1")["status"] == "done"
        assert "from the laptop" in machine.ok("notes", "3.2.1")
    assert a.json("status")["overall"] == b.json("status")["overall"]
    journal = tmp_path / "laptop" / "journal"
    names = {p.name for p in (journal / "events").iterdir()}
    assert len(names) == 2 and all(n.startswith("ana@") and n.endswith(".jsonl") for n in names)
    assert (journal / "notes" / "3.2.1.md").read_text(encoding="utf-8").startswith("**")
    assert (journal / "README.md").read_text(encoding="utf-8").startswith("# ")
    tracked = subprocess.run(["git", "-C", str(journal), "ls-files"], capture_output=True, text=True, check=True)
    assert not any(name.endswith((".db", "-wal", "-shm")) for name in tracked.stdout.split())
    again = a.ok("sync")
    assert "0 new changes from here, 0 imported" in again


def test_offline_changes_on_both_sides_merge(run: Run, tmp_path: Path, remote: Path) -> None:
    a, b = machines(run, tmp_path, remote)
    a.ok("sync")
    b.ok("sync")
    a.ok("done", "1.1")
    b.ok("done", "2.1")
    b.ok("skip", "1.1.1")  # the same item on both sides: the later change wins, both stay in the log
    a.ok("sync")
    b.ok("sync")
    a.ok("sync")
    for machine in (a, b):
        assert machine.json("show", "2.1")["status"] == "done"
        assert machine.json("show", "1.1.2")["status"] == "done"
        assert machine.json("show", "1.1.1")["status"] == "skipped"
    commands = [entry["command"] for entry in a.json("log", "-n", "50")]
    assert "done 1.1" in commands and "skip 1.1.1" in commands


def test_same_note_edited_on_both_sides_keeps_both(run: Run, tmp_path: Path, remote: Path) -> None:
    a, b = machines(run, tmp_path, remote)
    a.ok("note", "4.1", "-m", "base")
    a.ok("sync")
    b.ok("sync")
    a.ok("note", "4.1", "-m", "laptop words")
    b.ok("note", "4.1", "-m", "desktop words")
    a.ok("sync")
    said = b.ok("sync")
    assert "the note on 4.1 was edited on two machines" in said
    a.ok("sync")
    b.ok("sync")
    text = a.ok("notes", "4.1")
    assert text == b.ok("notes", "4.1")
    assert "laptop words" in text and "desktop words" in text and text.count("llmlanding: this note") == 1


def test_without_a_remote_it_commits_locally_and_says_so(run: Run, tmp_path: Path) -> None:
    solo = Machine(run, tmp_path / "solo")
    solo.ok("sync", "init")
    solo.ok("done", "1.1.1")
    assert "No remote: committed locally only." in solo.ok("sync")
    assert "changes not in the journal  0" in solo.ok("sync", "--status")


def test_sync_init_says_when_the_remote_is_out_of_reach(run: Run, tmp_path: Path) -> None:
    machine = Machine(run, tmp_path / "home")
    said = machine.ok("sync", "init", "--remote", "https://127.0.0.1:9/journal.git")  # loopback, nothing listening
    assert "Journal ready at" in said
    assert "could not reach the remote:" in said and "127.0.0.1" in said
    assert (tmp_path / "home" / "journal" / ".git").is_dir()


def test_sync_init_says_nothing_of_reach_when_the_remote_answers(run: Run, tmp_path: Path, remote: Path) -> None:
    said = Machine(run, tmp_path / "home").ok("sync", "init", "--remote", str(remote))
    assert "Journal ready at" in said and "could not reach" not in said


def test_an_unreachable_remote_keeps_everything_local(run: Run, tmp_path: Path, remote: Path) -> None:
    a, _b = machines(run, tmp_path, remote)
    a.ok("done", "1.1.1")
    subprocess.run(["rm", "-rf", str(remote)], check=True)
    result = a("sync")
    assert result.exit_code == 3  # committed locally, not synced: a script can tell, and retry
    assert "committed" in result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith("error: could not sync with") and "run `llmlanding sync` again" in line
    assert a.json("show", "1.1.1")["status"] == "done"


@pytest.mark.parametrize("url", ["ext::sh -c touch% pwned", "-oProxyCommand=x", "https://h/$HOME", "file:///tmp/x"])
def test_hostile_remotes_are_refused_and_nothing_runs(
    run: Run, tmp_path: Path, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    machine = Machine(run, tmp_path / "home")
    result = machine("sync", "init", "--remote", url)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: refusing remote '{url}'") and len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "pwned").exists() and not (tmp_path / "home" / "journal").exists()


def test_twenty_syncs_leave_no_git_processes(run: Run, tmp_path: Path, remote: Path) -> None:
    a, _b = machines(run, tmp_path, remote)
    for n in range(20):
        a.ok("done" if n % 2 else "reset", "1.1.1")
        a.ok("sync")
    children = subprocess.run(["pgrep", "-P", str(os.getpid()), "git"], capture_output=True, text=True)
    assert children.stdout.strip() == ""


def test_sync_before_init_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    result = Machine(run, tmp_path / "home")("sync")
    assert result.exit_code != 0 and "run `llmlanding sync init` first" in result.stderr
    assert "Traceback" not in result.stderr


def _repo(path: Path, commits: int) -> Path:
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    for n in range(commits):
        subprocess.run(
            [
                "git",
                "-C",
                str(path),
                "-c",
                "user.name=x",
                "-c",
                "user.email=x@x",
                "commit",
                "-q",
                "--allow-empty",
                "-m",
                f"step {n}",
            ],
            check=True,
        )
    return path


def test_practice_links(run: Run, tmp_path: Path) -> None:
    me = Machine(run, tmp_path / "home")
    with_commits = _repo(tmp_path / "picogpt", 2)
    empty = _repo(tmp_path / "empty", 0)
    said = me.ok("practice", "link", "3.2.4", str(with_commits))
    assert "code linked" in said and "step 1" in said
    assert me.json("show", "3.2.4")["phases"]["practice"] is True
    me.ok("practice", "link", "3.2.5", str(empty))
    assert me.json("show", "3.2.5")["phases"]["practice"] is False
    listing = me.json("practice")
    assert {(r["item"], r["state"]) for r in listing} == {("3.2.4", "ok"), ("3.2.5", "empty")}
    report = me.ok("export", "report", "--in", "3.2")
    assert f"  - 💻 `{with_commits}` — " in report and "step 1" in report
    subprocess.run(["rm", "-rf", str(with_commits)], check=True)
    assert "(moved or deleted)" in me.ok("practice")
    assert "(moved or deleted)" in me.ok("show", "3.2.4")
    bad = me("practice", "link", "3.2.6", str(tmp_path / "nowhere"))
    assert bad.exit_code == 2 and "no folder" in bad.stderr
    assert me("practice", "link", "3.2", str(empty)).exit_code == 2  # a section: link a topic


def test_three_learner_team_board(run: Run, tmp_path: Path, remote: Path) -> None:
    homes = {}
    for name, item in (("ana", "3.2"), ("bo", "6.1"), ("cy", "1.1.1")):
        homes[name] = Machine(run, tmp_path / name)
        homes[name].ok("sync", "init", "--remote", str(remote), "--learner", name)
        homes[name].ok("done", item)
        homes[name].ok("sync")
    homes["ana"].ok("sync")
    board = homes["ana"].json("team")
    by_name = {learner["name"]: learner for learner in board["learners"]}
    assert set(by_name) == {"ana", "bo", "cy"}
    assert by_name["ana"]["chapters"]["3"]["done"] == 11 and by_name["bo"]["chapters"]["6"]["done"] == 1
    assert homes["ana"].json("show", "6.1")["status"] == "todo"  # others' progress stays theirs
    view = homes["ana"].ok("team")
    assert "ana" in view and "bo" in view and "cy" in view and "11/30" in view


def test_a_password_in_a_remote_is_refused(run: Run, tmp_path: Path) -> None:
    machine = Machine(run, tmp_path / "home")
    result = machine("sync", "init", "--remote", "https://ana:s3cret@example.com/journal.git")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "s3cret" not in result.stderr and "password" in result.stderr
    assert "credential helper" in result.stderr and "SSH" in result.stderr
    assert not (tmp_path / "home" / "journal").exists()


def test_userinfo_is_redacted_and_the_config_kept_private(run: Run, tmp_path: Path) -> None:
    machine = Machine(run, tmp_path / "home")
    said = machine.ok("sync", "init", "--remote", "https://ghp_token@127.0.0.1:9/journal.git")
    assert "could not reach the remote" in said and "ghp_token" not in said
    config = tmp_path / "home" / "journal" / ".git" / "config"
    assert config.stat().st_mode & 0o777 == 0o600
    config.chmod(0o644)
    status = machine.ok("sync", "--status")
    assert "https://***@127.0.0.1:9/journal.git" in status and "ghp_token" not in status
    assert config.stat().st_mode & 0o777 == 0o600
    failed = machine("sync")
    assert failed.exit_code == 3 and "ghp_token" not in failed.stdout + failed.stderr


def test_read_marks_sync_between_machines(run: Run, tmp_path: Path, remote: Path) -> None:
    a, b = machines(run, tmp_path, remote)
    a.ok("read", "5.2.1")  # LLaMA, also listed under 1.1.2
    a.ok("sync")
    b.ok("sync")
    assert b.json("show", "1.1.2")["unread_papers"] == [2]
    b.ok("unread", "1.1.2", "--paper", "1")
    b.ok("sync")
    a.ok("sync")
    assert a.json("show", "5.2.1")["unread_papers"] == [1]
    assert "refused" not in a.ok("sync") + b.ok("sync")


def test_a_journal_of_another_roadmap_is_refused(run: Run, tmp_path: Path, remote: Path, mini: Path) -> None:
    """Each roadmap syncs its own journal (`journal`, `journal-<id>`); one adopted from a remote that carries
    another roadmap is refused before anything is synced."""
    laptop, desktop = Machine(run, tmp_path / "laptop"), Machine(run, tmp_path / "desktop")
    laptop.ok("sync", "init", "--remote", str(remote), "--learner", "ana")
    laptop.ok("done", "1.1.1")
    laptop.ok("sync")
    assert (laptop.home / "journal" / "ROADMAP").read_text(encoding="utf-8") == "llmlanding\n"
    refused = desktop("--curriculum", str(mini), "sync", "init", "--remote", str(remote), "--learner", "ana")
    assert refused.exit_code == 2
    [line] = refused.stderr.splitlines()
    assert "journal of roadmap 'llmlanding'" in line and "'mini'" in line
    assert (desktop.home / "journal-mini").is_dir() and not (desktop.home / "journal").exists()
    again = desktop("--curriculum", str(mini), "sync")
    assert again.exit_code == 2 and "nothing was synced" in again.stderr
    assert desktop.json("--curriculum", str(mini), "status")["overall"]["done"] == 0


def test_a_machine_on_another_edition_holds_the_changes_of_the_new_one(run: Run, tmp_path: Path, remote: Path) -> None:
    """Ids mean their edition's items. A machine still on edition 1 must not take the changes another machine
    made on edition 2 (its upgrade included) by their ids, nor the other way round: they wait in the journal,
    and each machine's own upgrade carries its work across. In the end both agree."""
    files = {name: tmp_path / f"{name}.yaml" for name in ("laptop", "desktop")}
    for path in files.values():
        path.write_text(MINI_EDITION_1, encoding="utf-8")
    a, b = Machine(run, tmp_path / "laptop"), Machine(run, tmp_path / "desktop")

    def on(machine: Machine, *args: str) -> str:
        return machine.ok("--curriculum", str(files[machine.home.name]), *args)

    def status(machine: Machine, item_id: str) -> str:
        shown = machine.json("--curriculum", str(files[machine.home.name]), "show", item_id)
        return str(shown["status"])

    for machine in (a, b):
        on(machine, "sync", "init", "--remote", str(remote), "--learner", "ana")
    on(a, "done", "1.1.1")
    on(a, "done", "2")  # Chapter two, a chapter without sections: edition 2 calls it 1
    on(a, "sync")
    on(b, "sync")
    assert status(b, "2") == "done"

    files["laptop"].write_text(MINI_EDITION_2, encoding="utf-8")
    on(a, "curriculum", "upgrade", "--yes")  # 2 becomes 1, 1.1.1 becomes 2.1.1
    on(a, "done", "2.1.2")
    on(a, "sync")
    held = on(b, "sync")
    assert "edition 2" in held and "wait" in held
    # Edition 1's Chapter two stays done, and nothing lands on edition 1's ids from edition 2's.
    assert status(b, "2") == "done" and status(b, "1.1.1") == "done" and status(b, "1.1.2") == "todo"

    on(b, "start", "1.1.2")  # on edition 1: reaches the laptop only through the desktop's own upgrade
    on(b, "sync")
    assert "edition 1" in on(a, "sync")
    assert status(a, "2.1.3") == "todo"

    on(b, "note", "1.1.2", "-m", "before the upgrade")  # not synced: the upgrade writes it out as edition 1's
    files["desktop"].write_text(MINI_EDITION_2, encoding="utf-8")
    on(b, "curriculum", "upgrade", "--yes")
    journal = tmp_path / "desktop" / "journal-mini" / "events"
    lines = [json.loads(line) for path in journal.glob("*.jsonl") for line in path.read_text("utf-8").splitlines()]
    assert [line.get("edition") for line in lines if (line["item"], line["field"]) == ("1.1.2", "note")] == ["1"]
    on(b, "sync")
    on(a, "sync")
    assert "before the upgrade" in a.json("--curriculum", str(files["laptop"]), "show", "2.1.2")["note"]
    assert all(note["id"] != "1.1.2" for note in a.json("--curriculum", str(files["laptop"]), "notes"))
    for machine in (a, b):
        assert status(machine, "1") == "done"  # Chapter two
        assert status(machine, "2.1.1") == "done"  # Topic one
        assert status(machine, "2.1.2") == "done"  # the laptop's tick on edition 2
        assert status(machine, "2.1.3") == "doing"  # the desktop's start of Topic two, split in two
