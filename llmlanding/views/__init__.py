"""What the learner reads: rich renderables and the `--json` shapes, built from domain values. No I/O."""
