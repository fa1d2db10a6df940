"""What the learner reads: rich renderables and the `--json` shapes (`shapes`), built from domain values, in the
words of `words`, the one table of zh/en text. No I/O, and no imports from `services`, `store` or `sync`."""
