"""argmap: argument maps from YAML."""

__version__ = "0.1.0"
