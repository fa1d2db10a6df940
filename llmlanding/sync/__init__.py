"""The git journal and practice repositories: the only package that imports GitPython."""
