"""The learner's practice repositories: their latest commits, read with git."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import git

from llmlanding.sync.journal import _configure, _not_installed


@dataclass
class RepoCommit:
    sha: str
    message: str  # first line
    date: datetime  # author date, timezone-aware


@dataclass
class RepoSummary:
    path: Path
    state: str  # "ok" | "missing" (path gone) | "not-a-repo" (including a broken one) | "empty" (no commits)
    commits: list[RepoCommit] = field(default_factory=list)  # newest first


def inspect_repo(path: Path, n: int = 3) -> RepoSummary:
    """The latest commits of a learner's practice repository. A repository moved, deleted or broken since it
    was linked is reported through `state`, never raised: the listing of all repositories must still show."""
    try:
        if not path.exists():
            return RepoSummary(path, "missing")
        if not path.is_dir():
            return RepoSummary(path, "not-a-repo")
        repo = git.Repo(path, expand_vars=False)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, OSError, ValueError):
        return RepoSummary(path, "not-a-repo")
    try:
        _configure(repo.git)
        try:
            repo.git.rev_parse("--verify", "--quiet", "HEAD^{commit}")
        except git.GitCommandNotFound as exc:
            raise _not_installed(exc) from exc
        except git.GitCommandError:
            return RepoSummary(path, "empty")
        if n <= 0:
            return RepoSummary(path, "ok")
        out = str(repo.git.log(f"--max-count={n}", "--format=%H%x1f%aI%x1f%s%x1e", "HEAD", "--"))
        commits = []
        for record in out.split("\x1e"):
            fields = record.strip("\n").split("\x1f")
            if len(fields) == 3:
                commits.append(RepoCommit(fields[0], fields[2], datetime.fromisoformat(fields[1])))
        return RepoSummary(path, "ok", commits)
    except git.GitCommandNotFound as exc:
        raise _not_installed(exc) from exc
    except (git.GitCommandError, ValueError, OSError):
        return RepoSummary(path, "not-a-repo")
    finally:
        repo.close()
