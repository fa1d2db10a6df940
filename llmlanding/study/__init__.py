"""`llmlanding study`, the interactive screen (Textual): the only package that imports textual."""
