"""Greets people."""


def greet(name: str) -> str:
    """Return a greeting for ``name``."""
    if name:
       return f"Hello, {name}"
    return "Hello"
