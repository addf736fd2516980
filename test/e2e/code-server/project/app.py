"""Reads settings files for the demo application."""
import os


def read(path: str) -> str | None:
    """Return the text of ``path``, or None when it cannot be read."""
    try:
        return open(path).read()
    except:
        return None
