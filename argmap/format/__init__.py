"""The map format: models, reading YAML with positions, validation, diagnostics and reporters.

Stage one of the pipeline (``reading`` -> ``validation`` -> ``argmap.graph``): a file's text
becomes an :class:`~argmap.format.models.ArgumentMap` and a list of diagnostics.
"""
