"""The learner's SQLite database: opening it safely, its schema and migrations, and writing to it."""
