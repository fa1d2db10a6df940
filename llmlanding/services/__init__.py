"""Use cases that change the learner's record, each one write transaction: record a change, undo, notes,
practice links, merging logs from elsewhere, backups."""
